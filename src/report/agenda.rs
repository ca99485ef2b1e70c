//! The agenda in words, shared by every report format, the plain interface
//! and `zelfscan actions`: one line per action (what, owner, due date,
//! status) and one per ambition, and the JSON shape of both.

use serde_json::{Value, json};

use crate::i18n::Catalogue;
use crate::model::{AgendaAction, Ambition, Framework};

/// "Schrijfgroep starten — Eigenaar: Sanne Verhoef · Uiterlijk: 2027-02-28 · open".
pub fn action_line(text: &Catalogue, action: &AgendaAction) -> String {
    let words = &text.agenda;
    let owner = if action.owner.trim().is_empty() {
        words.no_owner.to_string()
    } else {
        action.owner.clone()
    };
    let due = action
        .due
        .map_or_else(|| words.no_due.to_string(), |due| due.to_string());
    let mut line = format!(
        "{} — {}: {owner} · {}: {due} · {}",
        action.what.trim(),
        words.owner,
        words.due,
        (words.status)(action.status)
    );
    if let Some(date) = action.carried_from {
        line.push_str(&format!(" ({})", (words.carried_from)(date)));
    }
    line
}

/// "Ambitie: 4 – Op orde · Uiterlijk: 2027-12-31 · Wat is ervoor nodig: …".
pub fn ambition_line(text: &Catalogue, framework: &Framework, ambition: &Ambition) -> String {
    let words = &text.agenda;
    let mut parts = Vec::new();
    if let Some(level) = ambition.level {
        let label = framework
            .scale_level(level)
            .map_or_else(String::new, |scale| format!(" – {}", scale.label));
        parts.push(format!("{}: {level}{label}", words.ambition_level));
    }
    if let Some(due) = ambition.due {
        parts.push(format!("{}: {due}", words.due));
    }
    if !ambition.needed.trim().is_empty() {
        parts.push(format!("{}: {}", words.needed, ambition.needed.trim()));
    }
    parts.join(" · ")
}

/// An action as JSON, with the keys of the scan file.
pub fn action_value(text: &Catalogue, action: &AgendaAction) -> Value {
    json!({
        "what": action.what,
        "owner": action.owner,
        "due": action.due.map(|due| due.to_string()),
        "status": action.status.key(),
        "status_label": (text.agenda.status)(action.status),
        "private": action.private,
        "carried_from": action.carried_from.map(|date| date.to_string()),
    })
}

/// An ambition as JSON, with the keys of the scan file.
pub fn ambition_value(ambition: &Ambition) -> Value {
    json!({
        "level": ambition.level,
        "due": ambition.due.map(|due| due.to_string()),
        "needed": ambition.needed,
    })
}
