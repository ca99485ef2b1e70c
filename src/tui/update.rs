//! The pure heart of the interface: `update(&mut App, Action) -> Option<Effect>`.
//! No terminal and no files here, so every behaviour is testable as "action in,
//! state and effect out".

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::action::{Action, Moved, OpenedScan, SaveReport};
use super::app::{
    App, Field, FormField, NewScanForm, Overlay, OverrideField, OverrideForm, Screen, Side,
    StartItem, StartScreen, Status, TextInput, WalkMode, Walkthrough,
};
use super::effect::Effect;
use super::text_edit::{self, EditOp, TextCursor, Viewport};
use super::view;
use crate::model::edit::{Edit, Slot, TextSlot, splice_between};
use crate::model::search;
use crate::model::timebox::{Plan, TimeUsed};
use crate::model::{
    Agreement, Answer, CriterionAnswer, Participant, Scan, ScanMeta, Verdict, VerdictOverride,
    evaluate,
};

/// What to do once a pending save has finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterSave {
    Quit,
    CloseScan,
}

/// Applies one action to the state and says what IO, if any, should follow.
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    record_time(app);
    match action {
        // The time is counted; the countdown is redrawn by the driver.
        Action::Tick => return None,
        Action::Resize(width, height) => {
            app.size = (width, height);
            keep_cursor_visible(app);
            return None;
        }
        Action::Saved(result) => return saved(app, result),
        Action::Opened(result) => {
            return match result {
                Ok(opened) => open_walkthrough(app, opened, true),
                Err(failure) => {
                    app.overlay = Some(Overlay::Message {
                        title: (app.text.open_failed_title)(&file_name(&failure.path)),
                        lines: failure.lines,
                    });
                    None
                }
            };
        }
        Action::Locked { path, owner } => {
            app.overlay = Some(Overlay::Locked { path, owner });
            return None;
        }
        Action::AutoSave => {
            let due = app
                .walkthrough()
                .is_some_and(|walk| walk.dirty && !walk.read_only);
            return due.then_some(Effect::SaveScan { auto: true });
        }
        Action::Created(result) => {
            return match result {
                Ok(opened) => open_walkthrough(app, opened, false),
                Err(error) => {
                    if let Screen::NewScan(form) = &mut app.screen {
                        form.error = Some((app.text.create_failed)(&error));
                    }
                    None
                }
            };
        }
        _ => {}
    }
    // Below the minimum size only the "too small" message is drawn, so keys
    // must not change anything unseen; quitting stays possible when nothing
    // would be lost.
    if view::is_too_small(app.size) {
        let dirty = app.walkthrough().is_some_and(|walk| walk.dirty);
        if action == Action::Quit && !dirty {
            app.should_quit = true;
        }
        return None;
    }
    // A status message lasts until the next thing the user does.
    app.status = None;
    if app.overlay.is_some() {
        return update_overlay(app, action);
    }
    match &mut app.screen {
        Screen::Start(_) => update_start(app, action),
        Screen::NewScan(_) => update_form(app, action),
        Screen::Walkthrough(_) => update_walkthrough(app, action),
    }
}

/// Counts the time since the last action to the session and to the
/// criterion on screen (none on the overview of the outcome).
fn record_time(app: &mut App) {
    let now = app.now;
    if let Screen::Walkthrough(walk) = &mut app.screen {
        let on_screen = match walk.mode {
            WalkMode::Summary { .. } => None,
            _ => Some(walk.current),
        };
        walk.used.record(now, on_screen);
    }
}

fn set_status(app: &mut App, text: String) {
    app.status = Some(Status {
        text,
        is_error: false,
    });
}

fn set_error(app: &mut App, text: String) {
    app.status = Some(Status {
        text,
        is_error: true,
    });
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

// ---------------------------------------------------------------- overlays

fn update_overlay(app: &mut App, action: Action) -> Option<Effect> {
    if matches!(app.overlay, Some(Overlay::Override(_))) {
        return update_override(app, action);
    }
    if matches!(app.overlay, Some(Overlay::Search { .. })) {
        update_search(app, action);
        return None;
    }
    let help_end = view::help::max_scroll(app, app.size);
    let overlay = app.overlay.as_mut()?;
    match (overlay, action) {
        (Overlay::Help { scroll }, Action::Up) => {
            *scroll = scroll.saturating_sub(1);
            None
        }
        (Overlay::Help { scroll }, Action::Down) => {
            *scroll = (*scroll + 1).min(help_end);
            None
        }
        (Overlay::Help { scroll }, Action::PageUp) => {
            *scroll = scroll.saturating_sub(page(app.size));
            None
        }
        (Overlay::Help { scroll }, Action::PageDown) => {
            *scroll = (*scroll + page(app.size)).min(help_end);
            None
        }
        (_, Action::Back) => {
            app.overlay = None;
            None
        }
        (Overlay::ConfirmQuit | Overlay::ConfirmLeave, Action::SaveAndQuit) => {
            let after = match app.overlay.take() {
                Some(Overlay::ConfirmQuit) => AfterSave::Quit,
                _ => AfterSave::CloseScan,
            };
            app.pending_after_save = Some(after);
            Some(Effect::SaveScan { auto: false })
        }
        (Overlay::ConfirmQuit, Action::DiscardAndQuit) => {
            app.overlay = None;
            app.should_quit = true;
            None
        }
        (Overlay::ConfirmLeave, Action::DiscardAndQuit) => {
            app.overlay = None;
            go_to_start(app)
        }
        (Overlay::Locked { path, .. }, Action::OpenReadOnly) => {
            let path = path.clone();
            app.overlay = None;
            Some(Effect::OpenReadOnly(path))
        }
        (Overlay::Locked { path, .. }, Action::OpenCopy) => {
            let path = path.clone();
            app.overlay = None;
            Some(Effect::OpenCopy(path))
        }
        (Overlay::OpenPath(input) | Overlay::SaveAs(input), Action::Edit(op)) => {
            let op = single_line(op);
            text_edit::apply(&mut input.text, &mut input.cursor, op, ONE_LINE);
            None
        }
        (Overlay::OpenPath(input) | Overlay::SaveAs(input), Action::Paste(text)) => {
            text_edit::apply(
                &mut input.text,
                &mut input.cursor,
                single_line(EditOp::Paste(text)),
                ONE_LINE,
            );
            None
        }
        (Overlay::OpenPath(input) | Overlay::SaveAs(input), Action::Confirm) => {
            let typed = input.text.trim();
            if typed.is_empty() {
                return None;
            }
            let path = resolve_path(&app.paths.scans_dir, typed);
            let effect = match app.overlay.take() {
                Some(Overlay::SaveAs(_)) => Effect::SaveAs(path),
                _ => Effect::OpenScan(path),
            };
            Some(effect)
        }
        _ => None,
    }
}

/// How far PgUp/PgDn move in a scrolling overlay.
fn page(size: (u16, u16)) -> u16 {
    size.1.saturating_sub(6).max(1)
}

/// A text field one row high; wide enough that it never wraps.
const ONE_LINE: Viewport = Viewport {
    width: u16::MAX,
    height: 1,
};

/// One-line fields take a pasted paragraph as one line.
fn single_line(op: EditOp) -> EditOp {
    match op {
        EditOp::Paste(text) => EditOp::Paste(text.replace(['\r', '\n'], " ")),
        EditOp::Newline => EditOp::Insert(' '),
        other => other,
    }
}

/// A typed path: relative paths are taken from the scans folder, and a missing
/// `.toml` is added, so "noord" finds `<scans folder>/noord.toml`.
fn resolve_path(scans_dir: &Path, typed: &str) -> PathBuf {
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

fn update_start(app: &mut App, action: Action) -> Option<Effect> {
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
fn go_to_start(app: &mut App) -> Option<Effect> {
    app.screen = Screen::Start(StartScreen::default());
    Some(Effect::CloseScan)
}

// ---------------------------------------------------------------- new-scan form

fn update_form(app: &mut App, action: Action) -> Option<Effect> {
    let frameworks = app.frameworks.len();
    let scans_dir = app.paths.scans_dir.clone();
    let size = app.size;
    let Screen::NewScan(form) = &mut app.screen else {
        return None;
    };
    let position = FormField::ALL
        .iter()
        .position(|field| *field == form.focus)
        .unwrap_or(0);
    match action {
        Action::NextField => {
            form.focus = FormField::ALL[(position + 1).min(FormField::ALL.len() - 1)];
            None
        }
        Action::PrevField => {
            form.focus = FormField::ALL[position.saturating_sub(1)];
            None
        }
        Action::ChoiceNext | Action::ChoicePrev if form.focus == FormField::Framework => {
            form.framework = if action == Action::ChoiceNext {
                (form.framework + 1) % frameworks
            } else {
                (form.framework + frameworks - 1) % frameworks
            };
            None
        }
        Action::Confirm if form.focus == FormField::Start => {
            let prepared = prepare_new_scan(app);
            match prepared {
                Ok((path, scan)) => Some(Effect::CreateScan {
                    path,
                    scan: Box::new(scan),
                }),
                Err(message) => {
                    if let Screen::NewScan(form) = &mut app.screen {
                        form.error = Some(message);
                    }
                    None
                }
            }
        }
        Action::Confirm => {
            form.focus = FormField::ALL[(position + 1).min(FormField::ALL.len() - 1)];
            None
        }
        Action::Edit(op) => {
            edit_form_field(form, op, &scans_dir, size);
            None
        }
        Action::Paste(pasted) => {
            edit_form_field(form, EditOp::Paste(pasted), &scans_dir, size);
            None
        }
        Action::Back => go_to_start(app),
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

fn edit_form_field(form: &mut NewScanForm, op: EditOp, scans_dir: &Path, size: (u16, u16)) {
    let field = form.focus;
    let op = if field.is_multiline() {
        op
    } else {
        single_line(op)
    };
    let viewport = view::new_scan::input_viewport(size, field);
    let Some(input) = form.input_mut(field) else {
        return;
    };
    let changed = text_edit::apply(&mut input.text, &mut input.cursor, op, viewport);
    if !changed {
        return;
    }
    form.error = None;
    match field {
        FormField::File => form.file_edited = true,
        FormField::Region | FormField::Date => suggest_file_name(form, scans_dir),
        _ => {}
    }
}

/// Until the user types a file name, it follows the region and the date.
fn suggest_file_name(form: &mut NewScanForm, scans_dir: &Path) {
    if form.file_edited {
        return;
    }
    let slug = slug(&form.region.text);
    let name = if slug.is_empty() {
        format!("scan-{}.toml", form.date.text.trim())
    } else {
        format!("{slug}-{}.toml", form.date.text.trim())
    };
    form.file = TextInput::new(scans_dir.join(name).display().to_string());
}

/// A file-name-safe form of a region name: "Regio Noord-Veluwe" → "regio-noord-veluwe".
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            other => other,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// Checks the form and builds the new scan, or says what to fix.
fn prepare_new_scan(app: &App) -> Result<(PathBuf, Scan), String> {
    let Screen::NewScan(form) = &app.screen else {
        return Err(String::new());
    };
    let text = app.text;
    let region = form.region.text.trim();
    if region.is_empty() {
        return Err(text.region_required.to_string());
    }
    let date: Date = form
        .date
        .text
        .trim()
        .parse()
        .map_err(|_| (text.bad_date)(form.date.text.trim()))?;
    let choice = app
        .frameworks
        .get(form.framework)
        .ok_or_else(|| text.no_frameworks.to_string())?;
    let framework = choice.framework.clone();
    let participants = parse_participants(&form.participants.text, &framework, text)?;
    let typed_file = form.file.text.trim();
    if typed_file.is_empty() {
        return Err(text.file_required.to_string());
    }
    let path = resolve_path(&app.paths.scans_dir, typed_file);
    if path.exists() {
        return Err((text.file_exists)(&path.display().to_string()));
    }
    let meta = ScanMeta {
        region: region.to_string(),
        date,
        facilitator: form.facilitator.text.trim().to_string(),
        note_taker: form.note_taker.text.trim().to_string(),
        participants,
    };
    Ok((path, Scan::new(meta, framework)))
}

/// One participant per line, `naam; organisatie; perspectief`. The perspective
/// may be abbreviated ("g" for gemeenten) and may be left out when the
/// framework has a single perspective.
pub fn parse_participants(
    list: &str,
    framework: &crate::model::Framework,
    text: &crate::i18n::Catalogue,
) -> Result<Vec<Participant>, String> {
    let mut participants = Vec::new();
    for (number, line) in list.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = line.split(';').map(str::trim);
        let name = parts.next().unwrap_or_default().to_string();
        let organisation = parts.next().unwrap_or_default().to_string();
        let wanted = parts.next().unwrap_or_default().to_lowercase();
        let matching: Vec<_> = framework
            .perspectives
            .iter()
            .filter(|p| {
                !wanted.is_empty()
                    && (p.id.to_lowercase().starts_with(&wanted)
                        || p.label.to_lowercase().starts_with(&wanted))
            })
            .collect();
        let perspective = match (matching.as_slice(), framework.perspectives.as_slice()) {
            ([one], _) => one.id.clone(),
            ([], [only]) if wanted.is_empty() => only.id.clone(),
            _ => {
                // Labels, not ids: they are in the framework's language, and
                // a label's start is accepted as well as an id's.
                let options: Vec<String> = framework
                    .perspectives
                    .iter()
                    .map(|p| p.label.to_lowercase())
                    .collect();
                return Err((text.bad_participant)(
                    number + 1,
                    line.trim(),
                    &options.join(", "),
                ));
            }
        };
        if name.is_empty() {
            return Err((text.bad_participant)(number + 1, line.trim(), ""));
        }
        participants.push(Participant {
            name,
            organisation,
            perspective,
            ..Participant::default()
        });
    }
    Ok(participants)
}

// ---------------------------------------------------------------- walkthrough

fn open_walkthrough(app: &mut App, opened: OpenedScan, resume: bool) -> Option<Effect> {
    let OpenedScan {
        scan,
        path,
        warnings,
        recovered,
        read_only,
        banner,
    } = opened;
    let mut walk = Walkthrough::new(*scan, path);
    walk.read_only = read_only;
    walk.plan = Plan::new(&walk.scan.framework, app.timebox);
    walk.used = TimeUsed::new(walk.scan.answers.len(), app.now);
    // Restored edits are not in the file yet: the next autosave writes them.
    walk.dirty = recovered.is_some();
    if resume {
        // Carry on where the group left off: the first criterion still open.
        let last = walk.scan.answers.len().saturating_sub(1);
        walk.current = walk.scan.next_unanswered(last).unwrap_or(0);
    }
    let name = file_name(&walk.path);
    app.screen = Screen::Walkthrough(Box::new(walk));
    app.banner = banner;
    if let Some(recovered) = recovered {
        let mut lines = vec![recovered];
        lines.extend(warnings);
        app.overlay = Some(Overlay::Message {
            title: app.text.recovered_title.to_string(),
            lines,
        });
    } else if warnings.is_empty() {
        set_status(app, (app.text.opened)(&name));
    } else {
        app.overlay = Some(Overlay::Message {
            title: (app.text.opened_with_warnings)(&name),
            lines: warnings,
        });
    }
    None
}

fn saved(app: &mut App, result: Result<SaveReport, String>) -> Option<Effect> {
    let after = app.pending_after_save.take();
    let now = app.now;
    match result {
        Ok(report) => {
            let mut original = None;
            if let Screen::Walkthrough(walk) = &mut app.screen {
                walk.dirty = false;
                walk.last_saved = Some(now);
                if report.moved.is_some() {
                    original = Some(std::mem::replace(&mut walk.path, report.path.clone()));
                }
            }
            app.banner = None;
            let shown = report.path.display().to_string();
            match (report.moved, original) {
                (Some(Moved::ConflictCopy), Some(original)) => {
                    app.overlay = Some(Overlay::Message {
                        title: app.text.conflict_title.to_string(),
                        lines: vec![(app.text.conflict_explained)(
                            &original.display().to_string(),
                            &shown,
                        )],
                    });
                }
                // An autosave goes quietly; the top bar shows the time.
                _ if report.auto => {}
                _ => set_status(app, (app.text.saved_to)(&shown)),
            }
            match after {
                Some(AfterSave::Quit) => {
                    app.should_quit = true;
                    None
                }
                Some(AfterSave::CloseScan) => go_to_start(app),
                None => None,
            }
        }
        Err(error) => {
            app.overlay = None;
            let message = (app.text.save_failed)(&error);
            app.banner = Some(message.clone());
            set_error(app, message);
            None
        }
    }
}

fn update_walkthrough(app: &mut App, action: Action) -> Option<Effect> {
    let text = app.text;
    let now = app.now;
    let size = app.size;
    let Screen::Walkthrough(walk) = &mut app.screen else {
        return None;
    };
    let count = walk.scan.answers.len();
    if let Action::Click { column, row } = action {
        return click(app, column, row);
    }
    if walk.read_only && changes_the_scan(&action, walk) {
        set_status(app, text.read_only_refused.to_string());
        return None;
    }
    if let WalkMode::Summary { selected } = walk.mode {
        let targets = view::summary::targets(&walk.scan);
        match action {
            Action::Up => {
                walk.mode = WalkMode::Summary {
                    selected: selected.and_then(|index| index.checked_sub(1)),
                };
                return None;
            }
            Action::Down => {
                let last = targets.len().checked_sub(1);
                walk.mode = WalkMode::Summary {
                    selected: match (selected, last) {
                        (_, None) => None,
                        (None, Some(_)) => Some(0),
                        (Some(index), Some(last)) => Some((index + 1).min(last)),
                    },
                };
                return None;
            }
            Action::Confirm => {
                if let Some(target) = selected.and_then(|index| targets.get(index)) {
                    go_to_criterion(walk, *target);
                }
                return None;
            }
            Action::ToggleSummary | Action::Back => {
                walk.mode = WalkMode::Browse;
                return None;
            }
            Action::OverrideVerdict => {
                app.overlay = Some(Overlay::Override(Box::new(override_form(&walk.scan))));
                return None;
            }
            Action::ShowAgenda => {
                app.overlay = Some(Overlay::Agenda);
                return None;
            }
            // Saving, help and quitting work as on the criteria.
            Action::Save | Action::ShowHelp | Action::Quit | Action::CloseScan => {}
            _ => return None,
        }
    }
    if let WalkMode::Projector { show_scores } = walk.mode {
        match action {
            Action::NextCriterion if walk.current + 1 < count => {
                walk.current += 1;
            }
            Action::PrevCriterion if walk.current > 0 => walk.current -= 1,
            Action::ToggleScores => {
                walk.mode = WalkMode::Projector {
                    show_scores: !show_scores,
                };
            }
            Action::ToggleProjector | Action::Back => walk.mode = WalkMode::Browse,
            Action::ShowHelp => app.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Quit if walk.dirty => app.overlay = Some(Overlay::ConfirmQuit),
            Action::Quit => app.should_quit = true,
            _ => {}
        }
        return None;
    }
    if let WalkMode::Navigator { selected } = walk.mode {
        match action {
            Action::Up => {
                walk.mode = WalkMode::Navigator {
                    selected: selected.saturating_sub(1),
                }
            }
            Action::Down => {
                walk.mode = WalkMode::Navigator {
                    selected: (selected + 1).min(count.saturating_sub(1)),
                }
            }
            Action::Confirm => go_to_criterion(walk, selected),
            Action::Back => walk.mode = WalkMode::Browse,
            Action::ShowHelp => app.overlay = Some(Overlay::Help { scroll: 0 }),
            _ => {}
        }
        return None;
    }
    match action {
        Action::NextCriterion => {
            if walk.current + 1 < count {
                go_to_criterion(walk, walk.current + 1);
            } else {
                let parked: Vec<String> = walk
                    .scan
                    .framework
                    .criteria()
                    .filter(|entry| {
                        let answer = &walk.scan.answers[entry.index];
                        answer.skipped && !answer.is_answered()
                    })
                    .map(|entry| entry.criterion.id.clone())
                    .collect();
                set_status(app, (text.at_last_criterion)(&parked.join(", ")));
            }
        }
        Action::PrevCriterion => {
            if walk.current > 0 {
                go_to_criterion(walk, walk.current - 1);
            } else {
                set_status(app, text.at_first_criterion.to_string());
            }
        }
        Action::NextUnanswered => match walk.scan.next_unanswered(walk.current) {
            Some(index) if index != walk.current => go_to_criterion(walk, index),
            Some(_) => set_status(app, text.only_this_unanswered.to_string()),
            None => set_status(app, text.all_answered.to_string()),
        },
        Action::Skip => {
            let answer = &walk.scan.answers[walk.current];
            if !answer.is_answered() && !answer.skipped {
                let criterion = criterion_id(walk);
                apply_edit(
                    walk,
                    Edit::Skipped {
                        criterion,
                        value: true,
                        at: now,
                    },
                );
            }
            match walk.scan.next_unanswered(walk.current) {
                Some(index) if index != walk.current => go_to_criterion(walk, index),
                _ if walk.current + 1 < count => go_to_criterion(walk, walk.current + 1),
                _ => {}
            }
        }
        Action::ToggleSummary => walk.mode = WalkMode::Summary { selected: None },
        Action::ShowAgenda => app.overlay = Some(Overlay::Agenda),
        Action::ToggleProjector => walk.mode = WalkMode::Projector { show_scores: false },
        Action::TogglePrivate => {
            if let Some(text) = text_slot(walk, walk.focus) {
                let private = note_is_private(&walk.scan.answers[walk.current], walk.focus);
                let criterion = criterion_id(walk);
                apply_edit(
                    walk,
                    Edit::Private {
                        criterion,
                        text,
                        value: !private,
                        at: now,
                    },
                );
            } else {
                set_status(app, text.choose_note_field.to_string());
            }
        }
        Action::StartSearch => {
            app.overlay = Some(Overlay::Search {
                query: TextInput::default(),
                selected: 0,
            });
        }
        Action::OpenNavigator => {
            walk.mode = WalkMode::Navigator {
                selected: walk.current,
            };
        }
        Action::NextField | Action::PrevField => {
            let fields = Field::all(walk.scan.framework.perspectives.len());
            let position = fields.iter().position(|f| *f == walk.focus).unwrap_or(0);
            let next = if action == Action::NextField {
                (position + 1) % fields.len()
            } else {
                (position + fields.len() - 1) % fields.len()
            };
            focus_field(walk, fields[next]);
        }
        Action::Confirm if walk.mode == WalkMode::Browse => {
            if walk.focus.is_text() {
                start_editing(walk, size);
            } else {
                let fields = Field::all(walk.scan.framework.perspectives.len());
                let position = fields.iter().position(|f| *f == walk.focus).unwrap_or(0);
                focus_field(walk, fields[(position + 1) % fields.len()]);
            }
        }
        Action::Back if walk.mode == WalkMode::Editing => walk.mode = WalkMode::Browse,
        Action::Edit(op) if walk.mode == WalkMode::Editing => edit_note(walk, op, now, size),
        Action::Paste(pasted) if walk.focus.is_text() => {
            if walk.mode != WalkMode::Editing {
                start_editing(walk, size);
            }
            edit_note(walk, EditOp::Paste(pasted), now, size);
        }
        Action::SetScore(value) => match walk.focus {
            Field::Score(side) => {
                if walk.scan.framework.scale_level(value).is_some() {
                    set_answer(walk, side, Some(Answer::Score(value)), now);
                } else {
                    let (low, high) = scale_range(&walk.scan);
                    set_error(app, (text.not_on_scale)(value, low, high));
                }
            }
            Field::Agreement => {
                if let Some(level) = Agreement::ALL.get(usize::from(value).wrapping_sub(1)) {
                    set_agreement(walk, Some(*level), now);
                }
            }
            _ => set_status(app, text.choose_score_field.to_string()),
        },
        Action::SetUnknown | Action::SetNotApplicable => match walk.focus {
            Field::Score(side) => {
                let answer = if action == Action::SetUnknown {
                    Answer::Unknown
                } else {
                    Answer::NotApplicable
                };
                set_answer(walk, side, Some(answer), now);
            }
            _ => set_status(app, text.choose_score_field.to_string()),
        },
        Action::ClearAnswer => match walk.focus {
            Field::Score(side) => set_answer(walk, side, None, now),
            Field::Agreement => set_agreement(walk, None, now),
            Field::Note(_) | Field::Action => {}
        },
        Action::ChoiceNext | Action::ChoicePrev => {
            let forward = action == Action::ChoiceNext;
            match walk.focus {
                Field::Score(side) => {
                    let options = answer_options(&walk.scan);
                    let current = answer_slot(&walk.scan.answers[walk.current], side);
                    let next = cycle(&options, current, forward);
                    set_answer(walk, side, next, now);
                }
                Field::Agreement => {
                    let current = walk.scan.answers[walk.current].agreement;
                    let next = cycle(&Agreement::ALL, current, forward);
                    set_agreement(walk, next, now);
                }
                Field::Note(_) | Field::Action => {}
            }
        }
        Action::Save => return Some(Effect::SaveScan { auto: false }),
        Action::StartSaveAs => {
            let current = walk.path.display().to_string();
            app.overlay = Some(Overlay::SaveAs(TextInput::new(current)));
        }
        Action::ShowHelp => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::CloseScan => {
            if walk.dirty {
                app.overlay = Some(Overlay::ConfirmLeave);
            } else {
                return go_to_start(app);
            }
        }
        Action::Quit => {
            if walk.dirty {
                app.overlay = Some(Overlay::ConfirmQuit);
            } else {
                app.should_quit = true;
            }
        }
        _ => {}
    }
    None
}

fn go_to_criterion(walk: &mut Walkthrough, index: usize) {
    walk.current = index.min(walk.scan.answers.len().saturating_sub(1));
    walk.mode = WalkMode::Browse;
    walk.focus = Field::Score(Side::Perspective(0));
    walk.cursor = TextCursor::default();
}

fn focus_field(walk: &mut Walkthrough, field: Field) {
    walk.focus = field;
    walk.mode = WalkMode::Browse;
    walk.cursor = TextCursor::default();
}

fn start_editing(walk: &mut Walkthrough, size: (u16, u16)) {
    let length = note_text(&walk.scan.answers[walk.current], walk.focus).map_or(0, String::len);
    walk.cursor = TextCursor {
        byte: length,
        ..TextCursor::default()
    };
    walk.mode = WalkMode::Editing;
    let viewport = view::walkthrough::focused_text_viewport(size, walk);
    if let Some(text) = note_text(&walk.scan.answers[walk.current], walk.focus) {
        text_edit::ensure_visible(text, &mut walk.cursor, viewport);
    }
}

/// Types into the focused note. The edit is made on a copy and recorded as a
/// splice, so the journal holds exactly what changed.
fn edit_note(walk: &mut Walkthrough, op: EditOp, now: jiff::Timestamp, size: (u16, u16)) {
    let viewport = view::walkthrough::focused_text_viewport(size, walk);
    let Some(text_slot) = text_slot(walk, walk.focus) else {
        return;
    };
    let Some(before) = note_text(&walk.scan.answers[walk.current], walk.focus) else {
        return;
    };
    let mut after = before.clone();
    if !text_edit::apply(&mut after, &mut walk.cursor, op, viewport) {
        return;
    }
    let (offset, removed, inserted) = splice_between(before, &after);
    let criterion = criterion_id(walk);
    apply_edit(
        walk,
        Edit::Splice {
            criterion,
            text: text_slot,
            offset,
            removed,
            inserted,
            at: now,
        },
    );
}

/// Applies an edit to the open scan and queues it for the journal.
fn apply_edit(walk: &mut Walkthrough, edit: Edit) {
    // Edits made here always fit the scan they were made on.
    if edit.apply(&mut walk.scan).is_ok() {
        walk.dirty = true;
        walk.pending.push(edit);
    }
}

/// The id of the criterion on screen.
fn criterion_id(walk: &Walkthrough) -> String {
    walk.scan
        .framework
        .criterion_at(walk.current)
        .map_or_else(String::new, |entry| entry.criterion.id.clone())
}

/// The file-level name of a side: a perspective id or the joint answer.
fn slot(walk: &Walkthrough, side: Side) -> Option<Slot> {
    match side {
        Side::Perspective(index) => walk
            .scan
            .framework
            .perspectives
            .get(index)
            .map(|p| Slot::Perspective(p.id.clone())),
        Side::Consensus => Some(Slot::Consensus),
    }
}

fn text_slot(walk: &Walkthrough, field: Field) -> Option<TextSlot> {
    match field {
        Field::Note(side) => slot(walk, side).map(TextSlot::Note),
        Field::Action => Some(TextSlot::Action),
        Field::Score(_) | Field::Agreement => None,
    }
}

/// After a resize the note being edited must still show its cursor.
fn keep_cursor_visible(app: &mut App) {
    let size = app.size;
    if let Screen::Walkthrough(walk) = &mut app.screen
        && walk.mode == WalkMode::Editing
    {
        let viewport = view::walkthrough::focused_text_viewport(size, walk);
        if let Some(text) = note_text(&walk.scan.answers[walk.current], walk.focus) {
            text_edit::ensure_visible(text, &mut walk.cursor, viewport);
        }
    }
}

/// The text behind a text field.
pub fn note_text(answer: &CriterionAnswer, field: Field) -> Option<&String> {
    match field {
        Field::Note(Side::Perspective(index)) => answer.perspectives.get(index).map(|p| &p.note),
        Field::Note(Side::Consensus) => Some(&answer.consensus_note),
        Field::Action => Some(&answer.action),
        Field::Score(_) | Field::Agreement => None,
    }
}

/// Whether a text field is marked private.
pub fn note_is_private(answer: &CriterionAnswer, field: Field) -> bool {
    match field {
        Field::Note(Side::Perspective(index)) => answer
            .perspectives
            .get(index)
            .is_some_and(|p| p.note_private),
        Field::Note(Side::Consensus) => answer.consensus_note_private,
        Field::Action => answer.action_private,
        Field::Score(_) | Field::Agreement => false,
    }
}

/// The answer a score field shows.
pub fn answer_slot(answer: &CriterionAnswer, side: Side) -> Option<Answer> {
    match side {
        Side::Perspective(index) => answer.perspectives.get(index).and_then(|p| p.score),
        Side::Consensus => answer.consensus,
    }
}

fn set_answer(walk: &mut Walkthrough, side: Side, value: Option<Answer>, now: jiff::Timestamp) {
    if answer_slot(&walk.scan.answers[walk.current], side) == value {
        return;
    }
    let Some(slot) = slot(walk, side) else {
        return;
    };
    let criterion = criterion_id(walk);
    apply_edit(
        walk,
        Edit::Score {
            criterion,
            slot,
            value,
            at: now,
        },
    );
}

fn set_agreement(walk: &mut Walkthrough, value: Option<Agreement>, now: jiff::Timestamp) {
    if walk.scan.answers[walk.current].agreement == value {
        return;
    }
    let criterion = criterion_id(walk);
    apply_edit(
        walk,
        Edit::Agreement {
            criterion,
            value,
            at: now,
        },
    );
}

/// Every answer a score field can hold, in the order ←/→ walk through them.
fn answer_options(scan: &Scan) -> Vec<Answer> {
    let mut options: Vec<Answer> = scan
        .framework
        .scale
        .levels
        .iter()
        .map(|level| Answer::Score(level.value))
        .collect();
    options.extend([Answer::Unknown, Answer::NotApplicable]);
    options
}

/// The lowest and highest value of the scale.
pub fn scale_range(scan: &Scan) -> (u8, u8) {
    let levels = &scan.framework.scale.levels;
    (
        levels.first().map_or(1, |level| level.value),
        levels.last().map_or(1, |level| level.value),
    )
}

/// Steps through `options` with "nothing chosen" between the last and the first.
fn cycle<T: Copy + PartialEq>(options: &[T], current: Option<T>, forward: bool) -> Option<T> {
    let position = current.and_then(|value| options.iter().position(|o| *o == value));
    match (position, forward) {
        (None, true) => options.first().copied(),
        (None, false) => options.last().copied(),
        (Some(index), true) => options.get(index + 1).copied(),
        (Some(0), false) => None,
        (Some(index), false) => options.get(index - 1).copied(),
    }
}

// ---------------------------------------------------------------- verdict override

/// The override dialog for a scan: the verdicts within one level of the
/// computed one (strongest first), with the scan's current override chosen.
fn override_form(scan: &Scan) -> OverrideForm {
    let computed = evaluate(scan).verdict;
    let options: Vec<Option<Verdict>> = [
        Verdict::Robust,
        Verdict::RobustWithAttention,
        Verdict::FollowUp,
    ]
    .into_iter()
    .filter_map(|verdict| {
        if verdict == computed {
            Some(None)
        } else if computed.one_level_up() == Some(verdict)
            || computed.one_level_down() == Some(verdict)
        {
            Some(Some(verdict))
        } else {
            None
        }
    })
    .collect();
    let current = scan
        .verdict_override
        .as_ref()
        .map(|over| over.verdict)
        .filter(|verdict| *verdict != computed);
    let choice = options
        .iter()
        .position(|option| *option == current)
        .unwrap_or_else(|| options.iter().position(Option::is_none).unwrap_or(0));
    let rationale = scan
        .verdict_override
        .as_ref()
        .map_or_else(String::new, |over| over.rationale.clone());
    OverrideForm {
        options,
        choice,
        rationale: TextInput::new(rationale),
        focus: OverrideField::Choice,
        error: None,
    }
}

/// The rationale box of the override dialog, for cursor movement.
fn override_viewport(size: (u16, u16)) -> Viewport {
    Viewport {
        width: size.0.saturating_sub(4).min(72).saturating_sub(4).max(1),
        height: 5,
    }
}

fn update_override(app: &mut App, action: Action) -> Option<Effect> {
    let Some(Overlay::Override(mut form)) = app.overlay.take() else {
        return None;
    };
    let fields = [
        OverrideField::Choice,
        OverrideField::Rationale,
        OverrideField::Confirm,
    ];
    let position = fields.iter().position(|f| *f == form.focus).unwrap_or(0);
    match action {
        Action::Back => return None,
        Action::ChoicePrev => form.choice = form.choice.saturating_sub(1),
        Action::ChoiceNext => {
            form.choice = (form.choice + 1).min(form.options.len().saturating_sub(1))
        }
        Action::NextField => form.focus = fields[(position + 1) % fields.len()],
        Action::PrevField => form.focus = fields[(position + fields.len() - 1) % fields.len()],
        Action::Edit(op) if form.focus == OverrideField::Rationale => {
            text_edit::apply(
                &mut form.rationale.text,
                &mut form.rationale.cursor,
                op,
                override_viewport(app.size),
            );
            form.error = None;
        }
        Action::Paste(text) if form.focus == OverrideField::Rationale => {
            text_edit::apply(
                &mut form.rationale.text,
                &mut form.rationale.cursor,
                EditOp::Paste(text),
                override_viewport(app.size),
            );
        }
        Action::Confirm if form.focus == OverrideField::Confirm => {
            let rationale = form.rationale.text.trim().to_string();
            let chosen = form.options.get(form.choice).copied().flatten();
            if chosen.is_some() && rationale.is_empty() {
                form.error = Some(app.text.override_needs_rationale.to_string());
                app.overlay = Some(Overlay::Override(form));
                return None;
            }
            if let Screen::Walkthrough(walk) = &mut app.screen {
                let computed = evaluate(&walk.scan).verdict;
                // Keeping the computed verdict with a rationale records that the
                // facilitator confirmed it; without one, there is no override.
                // Unknown keys the file had in `[verdict_override]` stay with it.
                let extra = walk
                    .scan
                    .verdict_override
                    .as_ref()
                    .map(|old| old.extra.clone())
                    .unwrap_or_default();
                let new = match (chosen, rationale.is_empty()) {
                    (Some(verdict), _) => Some(VerdictOverride {
                        verdict,
                        rationale,
                        extra,
                    }),
                    (None, false) => Some(VerdictOverride {
                        verdict: computed,
                        rationale,
                        extra,
                    }),
                    (None, true) => None,
                };
                if walk.scan.verdict_override != new {
                    apply_edit(walk, Edit::Override(new));
                }
            }
            return None;
        }
        _ => {}
    }
    app.overlay = Some(Overlay::Override(form));
    None
}

/// Whether an action would change the scan (refused in read-only mode).
fn changes_the_scan(action: &Action, walk: &Walkthrough) -> bool {
    match action {
        Action::SetScore(_)
        | Action::SetUnknown
        | Action::SetNotApplicable
        | Action::ClearAnswer
        | Action::Skip
        | Action::Paste(_)
        | Action::Edit(_)
        | Action::OverrideVerdict
        | Action::Save => true,
        Action::ChoiceNext | Action::ChoicePrev => {
            matches!(walk.mode, WalkMode::Browse) && !walk.focus.is_text()
        }
        Action::Confirm => walk.mode == WalkMode::Browse && walk.focus.is_text(),
        _ => false,
    }
}

// ---------------------------------------------------------------- search

fn update_search(app: &mut App, action: Action) {
    let Some(Overlay::Search {
        mut query,
        mut selected,
    }) = app.overlay.take()
    else {
        return;
    };
    let Screen::Walkthrough(walk) = &mut app.screen else {
        return;
    };
    let hits = search::search(&walk.scan, &query.text);
    match action {
        Action::Back => return,
        Action::Up => selected = selected.saturating_sub(1),
        Action::Down => selected = (selected + 1).min(hits.len().saturating_sub(1)),
        // A new query starts at its first hit.
        Action::Edit(op) => {
            let changed = text_edit::apply(
                &mut query.text,
                &mut query.cursor,
                single_line(op),
                ONE_LINE,
            );
            selected = if changed { 0 } else { selected };
        }
        Action::Paste(text) => {
            let op = single_line(EditOp::Paste(text));
            let changed = text_edit::apply(&mut query.text, &mut query.cursor, op, ONE_LINE);
            selected = if changed { 0 } else { selected };
        }
        Action::Confirm => {
            if let Some(hit) = hits.get(selected) {
                go_to_criterion(walk, hit.index);
                // Land on the note that matched, ready to read on.
                walk.focus = match &hit.place {
                    search::Place::Note(label) => walk
                        .scan
                        .framework
                        .perspectives
                        .iter()
                        .position(|p| &p.label == label)
                        .map_or(walk.focus, |index| Field::Note(Side::Perspective(index))),
                    search::Place::ConsensusNote => Field::Note(Side::Consensus),
                    search::Place::Action => Field::Action,
                    _ => walk.focus,
                };
                return;
            }
        }
        _ => {}
    }
    app.overlay = Some(Overlay::Search { query, selected });
}

// ---------------------------------------------------------------- mouse

/// A click on the walkthrough: a criterion in the list jumps there, a score
/// or agreement option is chosen, a field gets the focus (a note: typing).
fn click(app: &mut App, column: u16, row: u16) -> Option<Effect> {
    let (size, now, text) = (app.size, app.now, app.text);
    let hit = match &app.screen {
        Screen::Walkthrough(walk) => view::walkthrough::hit(size, walk, app, column, row),
        _ => None,
    };
    let Screen::Walkthrough(walk) = &mut app.screen else {
        return None;
    };
    if !matches!(
        walk.mode,
        WalkMode::Browse | WalkMode::Editing | WalkMode::Navigator { .. }
    ) {
        return None;
    }
    use view::walkthrough::Hit;
    match hit? {
        Hit::Criterion(index) => go_to_criterion(walk, index),
        Hit::Field(field) => {
            focus_field(walk, field);
            if field.is_text() && !walk.read_only {
                start_editing(walk, size);
            }
        }
        Hit::Score(..) | Hit::Agreement(_) if walk.read_only => {
            set_status(app, text.read_only_refused.to_string());
        }
        Hit::Score(side, answer) => {
            focus_field(walk, Field::Score(side));
            set_answer(walk, side, answer, now);
        }
        Hit::Agreement(level) => {
            focus_field(walk, Field::Agreement);
            set_agreement(walk, Some(level), now);
        }
    }
    None
}
