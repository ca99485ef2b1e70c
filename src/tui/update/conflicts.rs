//! The conflicts overlay: a merge left a field of the current criterion with
//! several values (`model::conflict`). The facilitator picks one, combines
//! the notes, or takes one and edits it further. Every choice is an
//! [`Edit::Resolve`], journaled like any other edit; nothing is lost until
//! they choose.

use super::*;
use crate::model::conflict::{FieldKind, FieldValue, combined_notes, field_kind};
use crate::tui::app::AgendaPart;

/// The walkthrough field a conflict's path names, for "edit further".
fn field_of(walk: &Walkthrough, path: &str) -> Option<Field> {
    match path {
        "consensus" => Some(Field::Score(Side::Consensus)),
        "agreement" => Some(Field::Agreement),
        "consensus_note" => Some(Field::Note(Side::Consensus)),
        "ambition.level" => Some(Field::Agenda(AgendaPart::AmbitionLevel)),
        "ambition.due" => Some(Field::Agenda(AgendaPart::AmbitionDue)),
        "ambition.needed" => Some(Field::Agenda(AgendaPart::AmbitionNeeded)),
        _ => {
            let (perspective, key) = path.rsplit_once('.')?;
            let index = walk.scan.framework.perspective_index(perspective)?;
            match key {
                "score" => Some(Field::Score(Side::Perspective(index))),
                "note" => Some(Field::Note(Side::Perspective(index))),
                _ => None,
            }
        }
    }
}

/// `c` on the walkthrough: open the overlay when this criterion has conflicts.
pub(super) fn show_conflicts(app: &mut App) {
    let Some(walk) = app.walkthrough() else {
        return;
    };
    if walk.scan.answers[walk.current].conflicts.is_empty() {
        set_status(app, app.text.many.no_conflicts_here.to_string());
    } else {
        app.overlay = Some(Overlay::Conflicts {
            conflict: 0,
            option: 0,
        });
    }
}

pub(super) fn update_conflicts(app: &mut App, action: Action) -> Option<Effect> {
    let (text, now, size) = (app.text, app.now, app.size);
    let Some(Overlay::Conflicts { conflict, option }) = app.overlay.clone() else {
        return None;
    };
    let Screen::Walkthrough(walk) = &mut app.screen else {
        app.overlay = None;
        return None;
    };
    let conflicts = walk.scan.answers[walk.current].conflicts.clone();
    let Some(chosen) = conflicts.get(conflict) else {
        app.overlay = None;
        return None;
    };
    let options = chosen.options.len().max(1);
    let choose = |value: FieldValue, walk: &mut Walkthrough| -> bool {
        let criterion = walk
            .scan
            .framework
            .criterion_at(walk.current)
            .map_or_else(String::new, |entry| entry.criterion.id.clone());
        let edit = Edit::Resolve {
            criterion,
            field: chosen.field.clone(),
            value,
            at: now,
        };
        // A value from a file passes the gate every edit passes (a journal
        // replay checks it the same way) before it becomes the field's.
        if crate::model::gate::check(&walk.scan.framework, &edit).is_err() {
            return false;
        }
        let before = walk.pending.len();
        apply_edit(walk, edit);
        walk.pending.len() > before
    };
    let refused = walk.read_only
        || !super::homework::may_edit(
            walk,
            field_of(walk, &chosen.field).unwrap_or(Field::Agreement),
        );
    if refused
        && matches!(
            action,
            Action::Confirm | Action::CombineNotes | Action::EditConflict
        )
    {
        let message = if walk.read_only {
            text.read_only_refused.to_string()
        } else {
            super::homework::refused_text(text, walk)
        };
        set_status(app, message);
        return None;
    }
    let next = match action {
        Action::ChoiceNext => Some((conflict, (option + 1) % options)),
        Action::ChoicePrev => Some((conflict, (option + options - 1) % options)),
        Action::Down => Some(((conflict + 1).min(conflicts.len() - 1), 0)),
        Action::Up => Some((conflict.saturating_sub(1), 0)),
        Action::Confirm => {
            let value = chosen.options.get(option).map(|o| o.value.clone());
            let done = value.is_some_and(|value| choose(value, walk));
            if !done {
                set_status(app, text.many.cannot_choose.to_string());
                return None;
            }
            Some((0, 0))
        }
        Action::CombineNotes if field_kind(&chosen.field) == FieldKind::Text => {
            if !choose(FieldValue::Text(combined_notes(chosen)), walk) {
                set_status(app, text.many.cannot_choose.to_string());
                return None;
            }
            Some((0, 0))
        }
        Action::CombineNotes => {
            set_status(app, text.many.combine_only_notes.to_string());
            return None;
        }
        Action::EditConflict => {
            let value = chosen.options.get(option).map(|o| o.value.clone());
            let field = field_of(walk, &chosen.field);
            if !value.is_some_and(|value| choose(value, walk)) {
                set_status(app, text.many.cannot_choose.to_string());
                return None;
            }
            app.overlay = None;
            if let (Some(field), Screen::Walkthrough(walk)) = (field, &mut app.screen) {
                focus_field(walk, field);
                if field.is_text() {
                    start_editing(walk, size);
                }
            }
            return None;
        }
        Action::Back => {
            app.overlay = None;
            return None;
        }
        Action::Quit | Action::Save | Action::ShowHelp => {
            app.overlay = None;
            return update(app, action);
        }
        _ => None,
    };
    if let Some((conflict, option)) = next {
        let Screen::Walkthrough(walk) = &app.screen else {
            return None;
        };
        app.overlay = if walk.scan.answers[walk.current].conflicts.is_empty() {
            None
        } else {
            Some(Overlay::Conflicts { conflict, option })
        };
    }
    None
}
