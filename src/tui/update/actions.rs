//! The regional agenda in the walkthrough: the agenda part below the joint
//! answer (ambition and actions, edited field by field and journaled like
//! every edit) and the agenda screen, the list of every action of the scan.

use super::walkthrough::{criterion_id, cycle};
use super::*;
use crate::model::agenda::{AgendaSort, agenda_items};
use crate::model::edit::AgendaEdit;
use crate::model::{ActionStatus, AgendaAction};
use crate::tui::app::AgendaPart;

/// Keys on the agenda screen. Returns `true` when the key was handled.
pub(super) fn update_actions_screen(walk: &mut Walkthrough, action: &Action, today: Date) -> bool {
    let WalkMode::Actions { selected, sort } = walk.mode else {
        return false;
    };
    let count = agenda_items(&[&walk.scan], sort, today).len();
    match action {
        Action::Up => {
            walk.mode = WalkMode::Actions {
                selected: selected.saturating_sub(1),
                sort,
            };
        }
        Action::Down => {
            walk.mode = WalkMode::Actions {
                selected: (selected + 1).min(count.saturating_sub(1)),
                sort,
            };
        }
        Action::CycleSort => {
            walk.mode = WalkMode::Actions {
                selected: 0,
                sort: sort.next(),
            };
        }
        Action::Confirm => {
            let target = agenda_items(&[&walk.scan], sort, today)
                .get(selected)
                .map(|item| (item.criterion, item.index));
            if let Some((criterion, index)) = target {
                go_to_criterion(walk, criterion);
                walk.focus = Field::Agenda(AgendaPart::What(index));
            }
        }
        Action::ToggleActions | Action::Back => walk.mode = WalkMode::Browse,
        _ => return false,
    }
    true
}

/// When a criterion with actions carried from the previous scan comes up
/// (and the group has not answered it yet), put the focus on the first one's
/// status and ask where it stands. `before` is the criterion that was on
/// screen (`None` when the scan was just opened).
pub(super) fn ask_about_carried(app: &mut App, before: Option<usize>) {
    let ask = app.text.agenda.ask_carried_status;
    let Screen::Walkthrough(walk) = &mut app.screen else {
        return;
    };
    if walk.mode != WalkMode::Browse || before == Some(walk.current) {
        return;
    }
    if let Some(index) = crate::model::agenda::carried_to_review(&walk.scan.answers[walk.current]) {
        walk.focus = Field::Agenda(AgendaPart::Status(index));
        set_status(app, ask.to_string());
    }
}

/// Opens the agenda screen.
pub(super) fn open_actions_screen(walk: &mut Walkthrough) {
    walk.mode = WalkMode::Actions {
        selected: 0,
        sort: AgendaSort::default(),
    };
}

fn agenda_edit(walk: &mut Walkthrough, change: AgendaEdit, now: jiff::Timestamp) {
    let criterion = criterion_id(walk);
    apply_edit(
        walk,
        Edit::Agenda {
            criterion,
            change,
            at: now,
        },
    );
}

/// Adds an action to the criterion on screen and puts the focus on its text.
pub(super) fn add_action(walk: &mut Walkthrough, now: jiff::Timestamp) {
    agenda_edit(walk, AgendaEdit::AddAction, now);
    let index = walk.scan.answers[walk.current]
        .actions
        .len()
        .saturating_sub(1);
    focus_field(walk, Field::Agenda(AgendaPart::What(index)));
}

/// Removes the action the focus is on; false when the focus is not on one.
pub(super) fn remove_action(walk: &mut Walkthrough, now: jiff::Timestamp) -> bool {
    let Field::Agenda(part) = walk.focus else {
        return false;
    };
    let Some(index) = part.action() else {
        return false;
    };
    agenda_edit(walk, AgendaEdit::RemoveAction(index), now);
    let next = match index.checked_sub(1) {
        Some(before) => AgendaPart::What(before),
        None if !walk.scan.answers[walk.current].actions.is_empty() => AgendaPart::What(0),
        None => AgendaPart::AmbitionNeeded,
    };
    focus_field(walk, Field::Agenda(next));
    true
}

/// A digit on an agenda field: a level of the scale for the ambition, a
/// status (1 open, 2 lopend, 3 klaar, 4 vervallen) for an action. `Err` with
/// the scale's range when the level is not on it; `Ok(false)` when the field
/// takes no digit.
pub(super) fn set_digit(
    walk: &mut Walkthrough,
    part: AgendaPart,
    value: u8,
    now: jiff::Timestamp,
) -> Result<bool, (u8, u8)> {
    match part {
        AgendaPart::AmbitionLevel => {
            if walk.scan.framework.scale_level(value).is_none() {
                return Err(scale_range(&walk.scan));
            }
            agenda_edit(walk, AgendaEdit::AmbitionLevel(Some(value)), now);
            Ok(true)
        }
        AgendaPart::Status(index) => {
            match ActionStatus::ALL.get(usize::from(value).wrapping_sub(1)) {
                Some(status) => {
                    set_status_of(walk, index, *status, now);
                    Ok(true)
                }
                None => Ok(false),
            }
        }
        _ => Ok(false),
    }
}

fn set_status_of(walk: &mut Walkthrough, index: usize, status: ActionStatus, now: jiff::Timestamp) {
    let current = walk.scan.answers[walk.current]
        .actions
        .get(index)
        .map(|action| action.status);
    if current.is_some() && current != Some(status) {
        agenda_edit(walk, AgendaEdit::ActionStatus(index, status), now);
    }
}

/// ←/→ on an agenda field: the next or previous level, due date (the last
/// day of a month, a month at a time, starting from the scan's month) or
/// status.
pub(super) fn step(walk: &mut Walkthrough, part: AgendaPart, forward: bool, now: jiff::Timestamp) {
    let answer = &walk.scan.answers[walk.current];
    let scan_date = walk.scan.meta.date;
    match part {
        AgendaPart::AmbitionLevel => {
            let levels: Vec<u8> = walk
                .scan
                .framework
                .scale
                .levels
                .iter()
                .map(|l| l.value)
                .collect();
            let current = answer.ambition.as_ref().and_then(|a| a.level);
            let next = cycle(&levels, current, forward);
            agenda_edit(walk, AgendaEdit::AmbitionLevel(next), now);
        }
        AgendaPart::AmbitionDue => {
            let current = answer.ambition.as_ref().and_then(|a| a.due);
            let next = step_month(current, scan_date, forward);
            agenda_edit(walk, AgendaEdit::AmbitionDue(next), now);
        }
        AgendaPart::Due(index) => {
            let Some(action) = answer.actions.get(index) else {
                return;
            };
            let next = step_month(action.due, scan_date, forward);
            agenda_edit(walk, AgendaEdit::ActionDue(index, next), now);
        }
        AgendaPart::Status(index) => {
            let Some(action) = answer.actions.get(index) else {
                return;
            };
            let position = ActionStatus::ALL
                .iter()
                .position(|status| *status == action.status)
                .unwrap_or(0);
            let count = ActionStatus::ALL.len();
            let next = if forward {
                (position + 1) % count
            } else {
                (position + count - 1) % count
            };
            set_status_of(walk, index, ActionStatus::ALL[next], now);
        }
        AgendaPart::AmbitionNeeded | AgendaPart::What(_) | AgendaPart::Owner(_) => {}
    }
}

/// Backspace/Del on an agenda field: no level, no due date.
pub(super) fn clear(walk: &mut Walkthrough, part: AgendaPart, now: jiff::Timestamp) {
    let answer = &walk.scan.answers[walk.current];
    match part {
        AgendaPart::AmbitionLevel
            if answer.ambition.as_ref().is_some_and(|a| a.level.is_some()) =>
        {
            agenda_edit(walk, AgendaEdit::AmbitionLevel(None), now);
        }
        AgendaPart::AmbitionDue if answer.ambition.as_ref().is_some_and(|a| a.due.is_some()) => {
            agenda_edit(walk, AgendaEdit::AmbitionDue(None), now);
        }
        AgendaPart::Due(index) if answer.actions.get(index).is_some_and(|a| a.due.is_some()) => {
            agenda_edit(walk, AgendaEdit::ActionDue(index, None), now);
        }
        _ => {}
    }
}

/// The last day of the month after (or before) `current`; from nothing, the
/// last day of the month of `start`.
fn step_month(current: Option<Date>, start: Date, forward: bool) -> Option<Date> {
    let Some(current) = current else {
        return Some(start.last_of_month());
    };
    let months = if forward { 1 } else { -1 };
    current
        .first_of_month()
        .checked_add(jiff::Span::new().months(months))
        .ok()
        .map(|date| date.last_of_month())
        .or(Some(current))
}

/// The text behind an agenda text field.
pub(super) fn agenda_text(answer: &CriterionAnswer, part: AgendaPart) -> Option<&String> {
    match part {
        AgendaPart::AmbitionNeeded => Some(
            answer
                .ambition
                .as_ref()
                .map_or(&super::walkthrough::NO_TEXT, |ambition| &ambition.needed),
        ),
        AgendaPart::What(index) => answer.actions.get(index).map(|action| &action.what),
        AgendaPart::Owner(index) => answer.actions.get(index).map(|action| &action.owner),
        _ => None,
    }
}

/// The journal's name for an agenda text field.
pub(super) fn agenda_text_slot(part: AgendaPart) -> Option<TextSlot> {
    match part {
        AgendaPart::AmbitionNeeded => Some(TextSlot::AmbitionNeeded),
        AgendaPart::What(index) => Some(TextSlot::ActionWhat(index)),
        AgendaPart::Owner(index) => Some(TextSlot::ActionOwner(index)),
        _ => None,
    }
}

/// The action a field belongs to, if it exists.
pub fn focused_action(answer: &CriterionAnswer, field: Field) -> Option<&AgendaAction> {
    match field {
        Field::Agenda(part) => part.action().and_then(|index| answer.actions.get(index)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_dates_step_by_month_ends() {
        let start = jiff::civil::date(2026, 11, 25);
        assert_eq!(
            step_month(None, start, true),
            Some(jiff::civil::date(2026, 11, 30))
        );
        let feb = Some(jiff::civil::date(2027, 1, 31));
        assert_eq!(
            step_month(feb, start, true),
            Some(jiff::civil::date(2027, 2, 28))
        );
        assert_eq!(
            step_month(feb, start, false),
            Some(jiff::civil::date(2026, 12, 31))
        );
    }
}
