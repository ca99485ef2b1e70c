//! De Nederlandse teksten van de regionale agenda: ambities en acties.

use crate::i18n::AgendaText;
use crate::model::{ActionStatus, AgendaSort};
use crate::tui::keymap::Help;

pub const AGENDA: AgendaText = AgendaText {
    status: |status| match status {
        ActionStatus::Open => "open",
        ActionStatus::Ongoing => "lopend",
        ActionStatus::Done => "klaar",
        ActionStatus::Dropped => "vervallen",
    },
    action: "Actie",
    actions_title: "Regionale agenda: acties",
    owner: "Eigenaar",
    due: "Uiterlijk",
    status_label: "Stand",
    criterion: "Criterium",
    region: "Regio",
    ambition: "Ambitie",
    ambition_level: "Doelniveau",
    needed: "Wat is ervoor nodig",
    no_owner: "(geen eigenaar)",
    no_due: "(geen datum)",
    no_actions: "Er zijn geen acties vastgelegd.",
    overdue: "TE LAAT",
    carried_from: |date| format!("overgenomen uit de scan van {date}"),
    without_action: "aandachtspunt zonder actie",
    without_action_title: "Aandachtspunten zonder actie",
    sorted_by: |sort| {
        let by = match sort {
            AgendaSort::Due => "datum",
            AgendaSort::Owner => "eigenaar",
            AgendaSort::Status => "stand",
        };
        format!("gesorteerd op {by}")
    },
    summary: |count, late| match (count, late) {
        (1, 0) => "1 actie".to_string(),
        (count, 0) => format!("{count} acties"),
        (1, late) => format!("1 actie, {late} te laat"),
        (count, late) => format!("{count} acties, {late} te laat"),
    },
    progress: |progress| {
        format!(
            "Van de {} overgenomen acties: {} klaar, {} nog open of lopend (waarvan {} te laat), {} vervallen.",
            progress.carried(),
            progress.done,
            progress.pending,
            progress.late,
            progress.dropped
        )
    },
    progress_title: "Voortgang op de agenda",
    backup_kept: |path| {
        format!("Bewaard in het nieuwe formaat (schema 2); het origineel staat in {path}")
    },
    choose_action: "Ga met Tab naar een actie om die te verwijderen.",
    part_rule: "Agenda: waar willen we heen, wie doet wat",
    label_ambition: "ambitie",
    label_by_when: "  uiterlijk",
    label_needed: "  wat is nodig",
    label_owner: "  eigenaar",
    label_status: "  stand",
    label_action: |number| format!("actie {number}"),
    carried_summary: |date, actions, ambitions| {
        format!(
            "Overgenomen uit de scan van {date}: {actions} openstaande acties en {ambitions} ambities."
        )
    },
    carried_lost: |ids| {
        format!("Niet overgenomen (het kader heeft deze criteria niet meer): {ids}")
    },
    more_rows: |count| format!("↓ nog {count} regels"),
    plain_status_usage: "Typ bijvoorbeeld: stand 1 klaar (open, lopend, klaar of vervallen).",
    plain_ask_carried: "Er zijn acties overgenomen uit de vorige scan: hoe staan die er nu voor? Typ bijvoorbeeld: stand 1 klaar.",
    ask_carried_status: "Overgenomen actie: hoe staat die er nu voor? (←/→ kiest de stand)",
};

/// The hint bar words of the agenda keys.
pub(super) fn help_short(help: Help) -> &'static str {
    match help {
        Help::Actions => "acties",
        Help::AddAction => "actie erbij",
        Help::RemoveAction => "actie weg",
        Help::SortActions => "sorteren",
        _ => "terug",
    }
}

/// The help overlay lines of the agenda keys.
pub(super) fn help_long(help: Help) -> &'static str {
    match help {
        Help::Actions => "alle acties van de scan als één lijst (de agenda), met wat te laat is",
        Help::AddAction => {
            "een actie toevoegen aan dit criterium (wat, eigenaar, uiterlijk, stand)"
        }
        Help::RemoveAction => "de actie waar de cursor op staat verwijderen",
        Help::SortActions => "sorteren op datum, eigenaar of stand",
        _ => "terug naar de criteria",
    }
}
