//! One function per subcommand, each thin: find what it needs, call the
//! library, report. Shared set-up (paths, frameworks, language) lives here.

pub mod actions;
pub mod check;
pub mod compare;
pub mod config;
pub mod frameworks;
pub mod merge;
pub mod merge_driver;
pub mod new;
pub mod open;
pub mod overview;
pub mod plain;
pub mod report;
pub mod scans;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::config::Settings;
use crate::i18n::{Catalogue, Lang};
use crate::model::Framework;
use crate::paths::Paths;
use crate::storage;
use crate::tui::app::{App, FrameworkChoice, Overlay};
use crate::tui::effect::{self, Effect};

/// What every command needs to know about its surroundings.
pub struct Context {
    /// The interface language; it also decides which bundled framework comes
    /// first.
    pub lang: Lang,
    pub text: &'static Catalogue,
    pub paths: Paths,
    /// The user's settings file, as read.
    pub settings: Settings,
    /// What was wrong in the settings file, in words (the defaults were used).
    pub setting_problems: Vec<String>,
}

impl Context {
    /// The context of this process: `lang_flag` is `--lang`, when given.
    pub fn from_env(lang_flag: Option<Lang>) -> Self {
        let paths = Paths::from_env();
        let (settings, problems) = crate::config::load(&paths.settings_file());
        // The settings file ranks below the flag and above the environment.
        let config_lang = settings.language.as_deref().and_then(Lang::from_code);
        let lang = Lang::resolve(lang_flag, config_lang, Lang::from_env);
        let text = lang.catalogue();
        Self {
            lang,
            text,
            setting_problems: problems.iter().map(|p| (text.setting_problem)(p)).collect(),
            paths,
            settings,
        }
    }

    /// The context for a language already chosen, without a settings file.
    pub fn with_lang(lang: Lang) -> Self {
        Self {
            lang,
            text: lang.catalogue(),
            paths: Paths::from_env(),
            settings: Settings::default(),
            setting_problems: Vec::new(),
        }
    }

    /// Bundled frameworks first (the one in the interface language before the
    /// others), then those in the user's frameworks folder.
    /// A user framework that does not load is reported in `problems`.
    pub fn frameworks(&self) -> (Vec<FrameworkChoice>, Vec<String>) {
        let mut choices: Vec<FrameworkChoice> = storage::bundled_frameworks_for(self.lang.code())
            .into_iter()
            .map(FrameworkChoice::bundled)
            .collect();
        let mut problems = Vec::new();
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.paths.frameworks_dir())
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|entry| entry.path())
                    .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        // The framework the settings name comes first, so a new scan starts with it.
        if let Some(wanted) = &self.settings.default_framework
            && let Some(position) = choices.iter().position(|c| &c.framework.id == wanted)
        {
            let chosen = choices.remove(position);
            choices.insert(0, chosen);
        }
        for file in files {
            match storage::load_framework(&file) {
                Ok(loaded) => choices.push(FrameworkChoice {
                    framework: loaded.value,
                    file: Some(file),
                }),
                Err(error) => problems.extend(self.describe_load_error(&file, &error)),
            }
        }
        problems.extend(self.id_clashes(&choices));
        (choices, problems)
    }

    /// One message per framework id that several choices share.
    fn id_clashes(&self, choices: &[FrameworkChoice]) -> Vec<String> {
        let mut messages = Vec::new();
        for (index, choice) in choices.iter().enumerate() {
            let id = &choice.framework.id;
            let earlier = choices[..index].iter().any(|c| &c.framework.id == id);
            let sharing: Vec<String> = choices
                .iter()
                .filter(|c| &c.framework.id == id)
                .map(|c| framework_source(self, c))
                .collect();
            if !earlier && sharing.len() > 1 {
                messages.push((self.text.framework_id_clash)(
                    &storage::sanitize_for_display(id),
                    &sharing.join(", "),
                ));
            }
        }
        messages
    }

    /// A load error as lines of `file:line:column: message`.
    pub fn describe_load_error(&self, file: &Path, error: &storage::LoadError) -> Vec<String> {
        let shown = storage::sanitize_for_display(&file.display().to_string());
        match error {
            storage::LoadError::Io { source, .. } => {
                vec![format!("{shown}: {}", (self.text.io_error)(source))]
            }
            storage::LoadError::Invalid { problems, .. } => {
                self.text.located_problems(&shown, problems)
            }
        }
    }

    /// The interface state for a new session.
    pub fn app(&self) -> App {
        let (frameworks, _) = self.frameworks();
        self.app_with(frameworks)
    }

    /// The interface state for opening a scan straight away: the frameworks
    /// (parsed from TOML, and needed only by the start screen and a new scan)
    /// are read after the scan's first frame is on screen.
    pub fn app_for_open(&self) -> App {
        let mut app = self.app_with(Vec::new());
        let context = Context {
            lang: self.lang,
            text: self.text,
            paths: self.paths.clone(),
            settings: self.settings.clone(),
            setting_problems: Vec::new(),
        };
        app.frameworks_later = Some(Box::new(move || context.frameworks().0));
        app
    }

    fn app_with(&self, frameworks: Vec<FrameworkChoice>) -> App {
        let mut app = App::new(
            self.text,
            self.paths.clone(),
            frameworks,
            jiff::Timestamp::now(),
        );
        app.colour = std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty());
        app.theme = self.settings.theme.unwrap_or_default();
        app.timebox = self.settings.timebox();
        app.default_facilitator = self.settings.facilitator.clone().unwrap_or_default();
        if !self.setting_problems.is_empty() {
            app.overlay = Some(Overlay::Message {
                title: (self.text.settings_title)(
                    &self.paths.settings_file().display().to_string(),
                ),
                lines: self.setting_problems.clone(),
            });
        }
        effect::run(
            Effect::RefreshStartLists,
            &mut app,
            &mut effect::Io::default(),
        );
        app
    }
}

/// Runs the interface on the start screen.
pub fn start(context: &Context) -> anyhow::Result<ExitCode> {
    crate::tui::terminal::run(context.app(), None)?;
    Ok(ExitCode::SUCCESS)
}

/// Where a framework choice comes from, for a message: its file, or
/// "meegeleverd (robuuste-jeugdhulpregio.toml)".
fn framework_source(context: &Context, choice: &FrameworkChoice) -> String {
    match &choice.file {
        Some(file) => storage::sanitize_for_display(&file.display().to_string()),
        None => {
            let name = storage::bundled_framework_with_id(&choice.framework.id, "")
                .map_or("", |(name, _)| name);
            format!("{} ({name})", context.text.framework_bundled)
        }
    }
}

/// Picks a framework by id or by file path. An id that several frameworks
/// share (a user's file reusing a bundled id) is refused, naming them all.
pub fn find_framework(context: &Context, wanted: Option<&str>) -> anyhow::Result<Framework> {
    let (choices, _) = context.frameworks();
    let Some(wanted) = wanted else {
        return choices
            .into_iter()
            .next()
            .map(|choice| choice.framework)
            .ok_or_else(|| anyhow::anyhow!(context.text.no_frameworks));
    };
    let mut same_id = choices
        .iter()
        .filter(|c| c.framework.id == wanted)
        .peekable();
    if let Some(first) = same_id.next() {
        if same_id.peek().is_none() {
            return Ok(first.framework.clone());
        }
        // Never pick one of two frameworks with the same id at random.
        let sources: Vec<String> = std::iter::once(first)
            .chain(same_id)
            .map(|choice| framework_source(context, choice))
            .collect();
        anyhow::bail!((context.text.framework_id_clash)(
            &storage::sanitize_for_display(wanted),
            &sources.join(", ")
        ));
    }
    let path = Path::new(wanted);
    if path.exists() {
        return storage::load_framework(path)
            .map(|loaded| loaded.value)
            .map_err(|error| {
                anyhow::anyhow!(context.describe_load_error(path, &error).join("\n"))
            });
    }
    let known: Vec<&str> = choices.iter().map(|c| c.framework.id.as_str()).collect();
    anyhow::bail!((context.text.unknown_framework)(
        &storage::sanitize_for_display(wanted),
        &known.join(", ")
    ))
}

/// Runs one of the many-scans commands.
pub fn run_many(context: &Context, command: crate::cli::ManyCommand) -> anyhow::Result<ExitCode> {
    use crate::cli::ManyCommand;
    match command {
        ManyCommand::Merge { files, output } => merge::run(context, &files, &output),
        ManyCommand::MergeDriver { base, ours, theirs } => {
            merge_driver::run(context, &base, &ours, &theirs)
        }
        ManyCommand::Compare {
            old,
            new,
            format,
            output,
        } => compare::run(context, &old, &new, format.into(), output.as_deref()),
        ManyCommand::Overview {
            paths,
            format,
            output,
            min_group,
            interactive: true,
        } => {
            let _ = (format, output);
            overview::run_interactive(context, &paths, min_group)
        }
        ManyCommand::Overview {
            paths,
            format,
            output,
            min_group,
            interactive: false,
        } => overview::run(context, &paths, format.into(), output.as_deref(), min_group),
    }
}

/// Refuses a command-line text that would go into a file (a region, a
/// name) when it holds a control character, a line break or an invisible
/// format character: the same gate a loaded file passes, applied before
/// anything is written, so such a text can never start a scan.
pub fn refuse_hidden_text(
    text: &crate::i18n::Catalogue,
    option: &str,
    value: &str,
) -> anyhow::Result<()> {
    use crate::model::gate::{Shape, first_refused};
    match first_refused(value, Shape::OneLine) {
        Some(_) => anyhow::bail!((text.input.argument_refused)(option)),
        None => Ok(()),
    }
}

/// Writes what a command rendered (a report, a list, a comparison) to
/// `output`, or to standard output without one. `-`, a device or a FIFO is
/// written as it is; a regular file is replaced atomically; the output may
/// never be one of the command's own `inputs`.
pub fn write_rendered(
    context: &Context,
    rendered: &str,
    output: Option<&Path>,
    inputs: &[&Path],
) -> anyhow::Result<()> {
    use std::io::Write;
    let text = context.text;
    let Some(path) = output else {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(rendered.as_bytes())?;
        stdout.flush()?;
        return Ok(());
    };
    let shown = storage::sanitize_for_display(&path.display().to_string());
    if inputs.iter().any(|input| same_file(input, path)) {
        anyhow::bail!((text.report.output_is_scan)(&shown));
    }
    storage::input::write_output(path, rendered.as_bytes()).map_err(|error| {
        anyhow::anyhow!((text.report.write_failed)(&shown, &(text.io_error)(&error)))
    })
}

/// Whether two paths name the same existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
