//! The action list as an iCalendar file (RFC 5545) through the `icalendar`
//! crate, which folds long lines and escapes text: one VTODO per action with
//! a due date, with a UID that stays the same from one export to the next
//! (region, criterion and the action's place), so a calendar that imports it
//! again updates its to-dos instead of doubling them.

use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Todo, TodoStatus};
use jiff::Timestamp;

use crate::i18n::Catalogue;
use crate::model::agenda::AgendaItem;
use crate::model::{ActionStatus, Scan};

/// What each action with a due date becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A VTODO due that day: a task (Thunderbird, Outlook tasks, Apple Reminders).
    Todo,
    /// An all-day VEVENT on the due date, for calendars that ignore to-dos
    /// (Google Calendar imports only events).
    Event,
}

/// The calendar of the items that have a due date.
pub(super) fn calendar(
    scans: &[&Scan],
    items: &[AgendaItem<'_>],
    text: &Catalogue,
    stamp: Timestamp,
    entry: Entry,
) -> String {
    let words = &text.agenda;
    let stamp = chrono::DateTime::from_timestamp(stamp.as_second(), 0).unwrap_or_default();
    let mut calendar = Calendar::new();
    calendar.name(words.actions_title);
    for item in items {
        let action = item.action;
        let Some(due) = action.due else {
            continue;
        };
        let Some(due) = chrono::NaiveDate::from_ymd_opt(
            i32::from(due.year()),
            u32::try_from(due.month()).unwrap_or(1),
            u32::try_from(due.day()).unwrap_or(1),
        ) else {
            continue;
        };
        let region = &scans[item.scan].meta.region;
        let owner = if action.owner.trim().is_empty() {
            words.no_owner
        } else {
            action.owner.as_str()
        };
        let description = format!(
            "{}: {} {}\n{}: {region}\n{}: {owner}\n{}: {}",
            words.criterion,
            item.criterion_id,
            item.criterion_title,
            words.region,
            words.owner,
            words.status_label,
            (words.status)(action.status),
        );
        let uid = uid(region, item.criterion_id, item.index);
        let summary = format!("{} {}", item.criterion_id, first_line(&action.what));
        match entry {
            Entry::Todo => {
                let mut todo = Todo::new();
                todo.uid(&uid)
                    .summary(&summary)
                    .description(&description)
                    .due(due)
                    .status(todo_status(action.status));
                todo.timestamp(stamp);
                calendar.push(todo.done());
            }
            Entry::Event => {
                let mut event = Event::new();
                // All day: DTEND is the day after (it is exclusive).
                event
                    .uid(&format!("event-{uid}"))
                    .summary(&summary)
                    .description(&description)
                    .starts(due)
                    .ends(due.succ_opt().unwrap_or(due))
                    .status(if action.status == ActionStatus::Dropped {
                        EventStatus::Cancelled
                    } else {
                        EventStatus::Confirmed
                    });
                event.timestamp(stamp);
                calendar.push(event.done());
            }
        }
    }
    calendar.done().to_string()
}

/// Stable across exports: the same region, criterion and action place give
/// the same UID.
fn uid(region: &str, criterion: &str, index: usize) -> String {
    // FNV-1a: to tell regions apart in a UID, not for security.
    let hash = format!("{region}\n{criterion}")
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{hash:016x}-{criterion}-{}@zelfscan", index + 1)
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default().trim()
}

fn todo_status(status: ActionStatus) -> TodoStatus {
    match status {
        ActionStatus::Open => TodoStatus::NeedsAction,
        ActionStatus::Ongoing => TodoStatus::InProcess,
        ActionStatus::Done => TodoStatus::Completed,
        ActionStatus::Dropped => TodoStatus::Cancelled,
    }
}
