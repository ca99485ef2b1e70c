//! `zelfscan new --region NAME [--from OLD]`: create a scan file, then open
//! it; with `--from`, a follow-up that carries the old scan's agenda forward.

use std::path::PathBuf;
use std::process::ExitCode;

use super::Context;
use crate::model::agenda::follow_up;
use crate::model::{Framework, Scan, ScanMeta};
use crate::storage;
use crate::tui::effect::Effect;
use crate::tui::update::slug;

pub struct NewOptions {
    pub region: String,
    pub framework: Option<String>,
    pub output: Option<PathBuf>,
    pub no_open: bool,
    /// Homework: the id of the one perspective this scan prepares.
    pub perspective: Option<String>,
    /// A follow-up of this scan (`--from OLD`).
    pub from: Option<PathBuf>,
}

pub fn run(context: &Context, options: NewOptions) -> anyhow::Result<ExitCode> {
    let text = context.text;
    super::refuse_hidden_text(text, "--region", &options.region)?;
    let region = options.region.trim().to_string();
    if region.is_empty() {
        anyhow::bail!(text.region_required);
    }
    // A follow-up starts from the old scan (see `follow_up_of`).
    let previous = match &options.from {
        Some(old) => match storage::load_scan(old) {
            Ok(loaded) => Some(loaded.value),
            Err(error) => {
                for line in context.describe_load_error(old, &error) {
                    eprintln!("{line}");
                }
                return Ok(ExitCode::from(2));
            }
        },
        None => None,
    };
    let framework = match (&previous, &options.framework) {
        (Some(old), None) => newest_version_of(context, &old.framework),
        _ => super::find_framework(context, options.framework.as_deref())?,
    };
    let date = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .date();
    let path = options.output.unwrap_or_else(|| {
        context.paths.scans_dir.join(match &options.perspective {
            // Homework of two sides on one day must not collide.
            Some(side) => format!("{}-{date}-{}.toml", slug(&region), slug(side)),
            None => format!("{}-{date}.toml", slug(&region)),
        })
    });
    if path.exists() {
        anyhow::bail!((text.file_exists)(&path.display().to_string()));
    }
    let meta = ScanMeta {
        region,
        date,
        facilitator: String::new(),
        note_taker: String::new(),
        participants: Vec::new(),
    };
    let mut scan = match &previous {
        Some(old) => follow_up_of(context, old, framework, meta),
        None => Scan::new(meta, framework),
    };
    if let Some(side) = options.perspective {
        if scan.framework.perspective_index(&side).is_none() {
            let known: Vec<&str> = scan
                .framework
                .perspectives
                .iter()
                .map(|p| p.id.as_str())
                .collect();
            anyhow::bail!((text.many.unknown_perspective)(
                &crate::storage::sanitize_for_display(&side),
                &known.join(", ")
            ));
        }
        scan.prepared_for = Some(side);
    }
    let mut app = context.app();
    // Create (which takes the lock and starts a journal), then let go: the
    // interface opens it again like any other scan.
    let mut io = crate::tui::effect::Io::default();
    let created = crate::tui::effect::run(
        Effect::CreateScan {
            path: path.clone(),
            scan: Box::new(scan),
        },
        &mut app,
        &mut io,
    );
    io.close();
    if let Some(crate::tui::action::Action::Created(Err(error))) = created {
        anyhow::bail!((text.create_failed)(&error));
    }
    println!("{}", (text.created_at)(&path.display().to_string()));
    if options.no_open {
        return Ok(ExitCode::SUCCESS);
    }
    if super::plain::wanted(false) {
        return super::plain::run(context, &path);
    }
    crate::tui::terminal::run(app, Some(Effect::OpenScan(path)))?;
    Ok(ExitCode::SUCCESS)
}

/// The framework of a follow-up: the bundled (or own) framework with the same
/// id, which is its newest version here; else the old scan's own copy.
fn newest_version_of(context: &Context, old: &Framework) -> Framework {
    let (choices, _) = context.frameworks();
    choices
        .into_iter()
        .find(|choice| choice.framework.id == old.id)
        .map_or_else(|| old.clone(), |choice| choice.framework)
}

/// The follow-up scan, saying what was carried and what could not be.
fn follow_up_of(context: &Context, old: &Scan, framework: Framework, meta: ScanMeta) -> Scan {
    let words = &context.text.agenda;
    let (scan, lost) = follow_up(old, framework, meta);
    let actions = scan.answers.iter().map(|a| a.actions.len()).sum::<usize>();
    let ambitions = scan.answers.iter().filter(|a| a.ambition.is_some()).count();
    println!(
        "{}",
        (words.carried_summary)(&old.meta.date.to_string(), actions, ambitions)
    );
    if !lost.is_empty() {
        eprintln!("{}", (words.carried_lost)(&lost.join(", ")));
    }
    scan
}
