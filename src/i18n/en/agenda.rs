//! The English words of the regional agenda: ambitions and actions.

use crate::i18n::AgendaText;
use crate::model::{ActionStatus, AgendaSort};
use crate::tui::keymap::Help;

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
    choose_action: "Tab to an action to remove it.",
    part_rule: "Agenda: where we want to be, who does what",
    label_ambition: "ambition",
    label_by_when: "  due",
    label_needed: "  what it takes",
    label_owner: "  owner",
    label_status: "  status",
    label_action: |number| format!("action {number}"),
    carried_summary: |date, actions, ambitions| {
        format!(
            "Carried from the scan of {date}: {actions} unfinished actions and {ambitions} ambitions."
        )
    },
    carried_lost: |ids| format!("Not carried (the framework no longer has these criteria): {ids}"),
    more_rows: |count| format!("↓ {count} more lines"),
    plain_status_usage: "Type for example: status 1 klaar (open, lopend, klaar or vervallen).",
    plain_ask_carried: "Actions were carried from the previous scan: where do they stand now? Type for example: status 1 klaar.",
    ask_carried_status: "Carried action: where does it stand now? (←/→ chooses the status)",
};

/// The hint bar words of the agenda keys.
pub(super) fn help_short(help: Help) -> &'static str {
    match help {
        Help::Actions => "actions",
        Help::AddAction => "add action",
        Help::RemoveAction => "remove action",
        Help::SortActions => "sort",
        _ => "back",
    }
}

/// The help overlay lines of the agenda keys.
pub(super) fn help_long(help: Help) -> &'static str {
    match help {
        Help::Actions => "every action of the scan as one list (the agenda), with what is overdue",
        Help::AddAction => "add an action to this criterion (what, owner, due date, status)",
        Help::RemoveAction => "remove the action the cursor is on",
        Help::SortActions => "sort by due date, owner or status",
        _ => "back to the criteria",
    }
}
