//! The start screen: recent scans, open by path, new scan.

use super::*;

pub(super) fn resolve_path(scans_dir: &Path, typed: &str) -> PathBuf {
    // The prompt is prefilled with the scans folder; typing an absolute path
    // or `~/…` after it starts afresh there, as in most file dialogs.
    let separator = std::path::MAIN_SEPARATOR;
    let typed = [
        format!("{separator}{separator}"),
        format!("{separator}~{separator}"),
    ]
    .iter()
    .filter_map(|restart| typed.rfind(restart.as_str()).map(|at| at + 1))
    .max()
    .map_or(typed, |at| &typed[at..]);
    let expanded = match typed.strip_prefix("~/") {
        Some(rest) => directories::UserDirs::new()
            .map_or_else(|| PathBuf::from(typed), |dirs| dirs.home_dir().join(rest)),
        None => PathBuf::from(typed),
    };
    let mut path = if expanded.is_absolute() {
        expanded
    } else {
        scans_dir.join(expanded)
    };
    if path.extension().is_none() {
        path.set_extension("toml");
    }
    path
}

// ---------------------------------------------------------------- start screen

pub(super) fn update_start(app: &mut App, action: Action) -> Option<Effect> {
    let items = app.start_items();
    let Screen::Start(start) = &mut app.screen else {
        return None;
    };
    start.selected = start.selected.min(items.len().saturating_sub(1));
    match action {
        Action::Up => {
            start.selected = start.selected.saturating_sub(1);
            None
        }
        Action::Down => {
            start.selected = (start.selected + 1).min(items.len().saturating_sub(1));
            None
        }
        Action::Confirm => match items.get(start.selected).cloned() {
            Some(StartItem::NewScan) => open_form(app),
            Some(StartItem::OpenByPath) => open_path_prompt(app),
            Some(StartItem::Recent(path) | StartItem::InFolder(path)) => {
                Some(Effect::OpenScan(path))
            }
            None => None,
        },
        Action::StartNewScan => open_form(app),
        Action::StartOpenByPath => open_path_prompt(app),
        Action::ShowHelp => {
            app.overlay = Some(Overlay::Help { scroll: 0 });
            None
        }
        Action::Quit => {
            app.should_quit = true;
            None
        }
        _ => None,
    }
}

fn open_path_prompt(app: &mut App) -> Option<Effect> {
    let mut prefill = app.paths.scans_dir.display().to_string();
    prefill.push(std::path::MAIN_SEPARATOR);
    app.overlay = Some(Overlay::OpenPath(TextInput::new(prefill)));
    None
}

fn open_form(app: &mut App) -> Option<Effect> {
    if app.frameworks.is_empty() {
        set_error(app, app.text.no_frameworks.to_string());
        return None;
    }
    let date = app
        .now
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .date();
    let mut form = NewScanForm {
        focus: FormField::Region,
        region: TextInput::default(),
        date: TextInput::new(date.to_string()),
        facilitator: TextInput::new(app.default_facilitator.clone()),
        note_taker: TextInput::default(),
        framework: 0,
        participants: TextInput::default(),
        file: TextInput::default(),
        file_edited: false,
        error: None,
    };
    suggest_file_name(&mut form, &app.paths.scans_dir);
    app.screen = Screen::NewScan(Box::new(form));
    None
}

/// Back to the start screen; an open scan is let go (its lock and journal).
pub(super) fn go_to_start(app: &mut App) -> Option<Effect> {
    app.screen = Screen::Start(StartScreen::default());
    Some(Effect::CloseScan)
}
