//! The pure heart of the interface: `update(&mut App, Action) -> Option<Effect>`.
//! No terminal and no files here, so every behaviour is testable as "action in,
//! state and effect out".

mod actions;
mod conflicts;
mod form;
mod homework;
mod mouse;
mod outcome;
mod overlays;
mod overview;
mod start;
mod walkthrough;

pub use form::{parse_participants, slug};
use form::{suggest_file_name, update_form};
use mouse::click;
use outcome::{changes_the_scan, override_form, update_override};
use overlays::update_overlay;
use start::{go_to_start, resolve_path, update_start};
pub use walkthrough::{answer_slot, note_is_private, note_text, scale_range};
use walkthrough::{
    apply_edit, focus_field, go_to_criterion, keep_cursor_visible, open_walkthrough, saved,
    set_agreement, set_answer, start_editing, update_walkthrough,
};

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
use crate::model::edit::{Edit, Slot, TextSlot};
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
        Screen::Walkthrough(_) => {
            let before = app.walkthrough().map(|walk| walk.current);
            let effect = update_walkthrough(app, action);
            actions::ask_about_carried(app, before);
            effect
        }
        Screen::Overview(_) => overview::update_overview(app, action),
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
