//! Mouse clicks on the list, the scale and the fields.

use super::*;

/// A click on the walkthrough: a criterion in the list jumps there, a score
/// or agreement option is chosen, a field gets the focus (a note: typing).
pub(super) fn click(app: &mut App, column: u16, row: u16) -> Option<Effect> {
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
    let hit = hit?;
    let target = match hit {
        Hit::Score(side, _) => Some(Field::Score(side)),
        Hit::Agreement(_) => Some(Field::Agreement),
        Hit::Field(field) if field.is_text() => Some(field),
        _ => None,
    };
    if let Some(field) = target
        && !walk.read_only
        && !super::homework::may_edit(walk, field)
    {
        let refused = super::homework::refused_text(text, walk);
        if let Screen::Walkthrough(walk) = &mut app.screen {
            focus_field(walk, field);
        }
        set_status(app, refused);
        return None;
    }
    let Screen::Walkthrough(walk) = &mut app.screen else {
        return None;
    };
    match hit {
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
