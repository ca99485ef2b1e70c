//! `zelfscan new --region NAME`: create a scan file, then open it.

use std::path::PathBuf;
use std::process::ExitCode;

use super::Context;
use crate::model::{Scan, ScanMeta};
use crate::tui::effect::Effect;
use crate::tui::update::slug;

pub struct NewOptions {
    pub region: String,
    pub framework: Option<String>,
    pub output: Option<PathBuf>,
    pub no_open: bool,
    /// Homework: the id of the one perspective this scan prepares.
    pub perspective: Option<String>,
}

pub fn run(context: &Context, options: NewOptions) -> anyhow::Result<ExitCode> {
    let text = context.text;
    super::refuse_hidden_text(text, "--region", &options.region)?;
    let region = options.region.trim().to_string();
    if region.is_empty() {
        anyhow::bail!(text.region_required);
    }
    let framework = super::find_framework(context, options.framework.as_deref())?;
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
    let mut scan = Scan::new(meta, framework);
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
