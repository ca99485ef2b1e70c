//! A homework scan (prepared for one perspective): only that side's scores
//! and notes are edited; the joint fields and the other sides wait for the
//! workshop.

use super::*;

/// The perspective index a homework scan is for, if it is homework.
pub(super) fn homework_side(walk: &Walkthrough) -> Option<usize> {
    let side = walk.scan.prepared_for.as_deref()?;
    walk.scan.framework.perspective_index(side)
}

/// Whether `field` may be changed in this scan.
pub(super) fn may_edit(walk: &Walkthrough, field: Field) -> bool {
    match homework_side(walk) {
        None => true,
        Some(side) => matches!(
            field,
            Field::Score(Side::Perspective(index)) | Field::Note(Side::Perspective(index))
                if index == side
        ),
    }
}

/// Whether the action would change a field homework leaves alone.
pub(super) fn refuses(action: &Action, walk: &Walkthrough) -> bool {
    if homework_side(walk).is_none() {
        return false;
    }
    let changes_focused = match action {
        Action::SetScore(_)
        | Action::SetUnknown
        | Action::SetNotApplicable
        | Action::ClearAnswer
        | Action::Paste(_)
        | Action::Edit(_)
        | Action::TogglePrivate => true,
        Action::OverrideVerdict => return true,
        Action::ChoiceNext | Action::ChoicePrev => {
            matches!(walk.mode, WalkMode::Browse) && !walk.focus.is_text()
        }
        Action::Confirm => walk.mode == WalkMode::Browse && walk.focus.is_text(),
        _ => false,
    };
    changes_focused && !may_edit(walk, walk.focus)
}

/// The words for a refused change: whose homework this is.
pub(super) fn refused_text(text: &crate::i18n::Catalogue, walk: &Walkthrough) -> String {
    let side = walk.scan.prepared_for.as_deref().unwrap_or_default();
    (text.many.homework_refused)(&walk.scan.framework.perspective_label(side))
}
