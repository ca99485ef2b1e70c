//! The English words of the regional agenda: ambitions and actions.

use crate::i18n::AgendaText;
use crate::model::{ActionStatus, AgendaSort};

pub const AGENDA: AgendaText = AgendaText {
    status: |status| match status {
        ActionStatus::Open => "open",
        ActionStatus::Ongoing => "under way",
        ActionStatus::Done => "done",
        ActionStatus::Dropped => "dropped",
    },
    action: "Action",
    actions_title: "Regional agenda: actions",
    owner: "Owner",
    due: "Due",
    status_label: "Status",
    criterion: "Criterion",
    region: "Region",
    ambition: "Ambition",
    ambition_level: "Target level",
    needed: "What it takes",
    no_owner: "(no owner)",
    no_due: "(no date)",
    no_actions: "No actions have been recorded.",
    overdue: "OVERDUE",
    carried_from: |date| format!("carried from the scan of {date}"),
    without_action: "point of attention without an action",
    without_action_title: "Points of attention without an action",
    sorted_by: |sort| {
        let by = match sort {
            AgendaSort::Due => "due date",
            AgendaSort::Owner => "owner",
            AgendaSort::Status => "status",
        };
        format!("sorted by {by}")
    },
    screen_hint: "↑↓ choose · Enter go to the criterion · s sort · Esc back",
    summary: |count, late| match (count, late) {
        (1, 0) => "1 action".to_string(),
        (count, 0) => format!("{count} actions"),
        (1, late) => format!("1 action, {late} overdue"),
        (count, late) => format!("{count} actions, {late} overdue"),
    },
    progress: |progress| {
        format!(
            "Of the {} carried actions: {} done, {} still open or under way ({} of them overdue), {} dropped.",
            progress.carried(),
            progress.done,
            progress.pending,
            progress.late,
            progress.dropped
        )
    },
    progress_title: "Progress on the agenda",
    backup_kept: |path| {
        format!("Saved in the new format (schema 2); the original is kept in {path}")
    },
    ask_carried_status: "Carried action: where does it stand now? (←/→ chooses the status)",
};
