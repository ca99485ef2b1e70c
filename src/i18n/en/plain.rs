//! The English texts of the plain, line-by-line mode (`zelfscan open
//! --plain`): short, without characters a screen reader would read out for
//! nothing. The Dutch command words keep working too, so a script written for
//! one language runs in the other.

use crate::i18n::PlainText;
use crate::model::Agreement;
use crate::vocab::PlainCommand;

pub const PLAIN: PlainText = PlainText {
    scan_header: |region, date, framework| format!("Scan {region}, {date}, framework {framework}"),
    intro: "Type an answer at each question and press Enter. Enter alone leaves the field as it is. Type ? for help.",
    criterion_heading: |number, total, id, title, critical| {
        let critical = if critical { ", critical" } else { "" };
        format!("Criterion {number} of {total}: {id} {title}{critical}")
    },
    theme_line: |id, title| format!("Theme {id} {title}"),
    questions_heading: "Guiding questions:",
    recorded_heading: "Recorded so far:",
    no_answer: "no answer",
    numbered: |number, label| format!("{number} – {label}"),
    confirmed: |field, value| format!("{field}: {value}"),
    unchanged: |field| format!("{field}: unchanged"),
    cleared: "cleared",
    note_label: |perspective| format!("Note {perspective}"),
    joint_note_label: "Joint explanation",
    agreement_label: "Agreement",
    action_label: "Action",
    prompt_score: |field, levels| format!("{field}, score: {levels}: "),
    prompt_note: |perspective| format!("Note {perspective}: "),
    prompt_joint_note: "Joint explanation: ",
    prompt_agreement: "Agreement, 1 consensus, 2 reservation, 3 none: ",
    prompt_action: "Action: ",
    prompt_continue: "Next line: ",
    prompt_command: "Command: ",
    bad_score: |low, high| {
        format!(
            "That is not a score. Type {low} to {high}, o for unknown, x for not applicable, or Enter alone to leave it."
        )
    },
    bad_agreement: "That is not an agreement level. Type 1 or consensus, 2 or reservation, 3 or none, or Enter alone to leave it.",
    clear_words: &["-", "clear", "wis"],
    unknown_words: &["o", "unknown", "onbekend"],
    not_applicable_words: &["x", "na", "n/a", "nvt", "n.v.t."],
    agreement_words,
    command_words,
    command_help,
    help_intro: "At every question you can also type one of these commands:",
    help_answers: &[
        "Enter alone leaves a field as it is; - or clear empties it.",
        "A note is one line. If a line ends in \\, the note continues on the next line. If it ends in \\\\, one \\ stays.",
        "Agreement: 1 or consensus, 2 or reservation, 3 or none.",
        "At the end of the input zelfscan saves everything.",
    ],
    unknown_command: "Unknown command. Type ? for help.",
    at_last_criterion: "This is the last criterion.",
    go_to_needs_id: "Type go with the code of a criterion, for example: go VIS-3",
    unknown_criterion: |typed, examples| {
        format!("There is no criterion {typed}. Codes are for example {examples}.")
    },
    skipped: |id| format!("{id} parked; you can come back to it later."),
    criterion_done: |id, progress| format!("{id} done. {progress}."),
    at_end_hint: "Type go with a code to revisit a criterion, or stop to save and stop.",
    journal_failed: |error| {
        format!("Note: not kept in the recovery file: {error}. Type save to save the file now.")
    },
    save_failed: |error, journal| {
        format!(
            "NOT saved: {error}. Your work is in the recovery file {journal}; open the scan again once the problem is solved and zelfscan restores it."
        )
    },
    saved_and_closed: |path| format!("Saved in {path}. The scan is closed."),
    unchanged_and_closed: |path| {
        format!("Nothing changed; everything is already in {path}. The scan is closed.")
    },
    locked_hint: "Close the scan there first, then try again.",
    newer_refused: "Plain mode cannot open this scan. Use the newer zelfscan.",
    needs_file: "Name the scan you want to open: zelfscan open --plain FILE, or create one with zelfscan new --region NAME.",
    input_failed: |error| {
        format!("The input or output no longer works ({error}); everything so far is saved.")
    },
};

fn agreement_words(level: Agreement) -> &'static [&'static str] {
    match level {
        Agreement::Consensus => &["consensus"],
        Agreement::WithReservation => &["reservation", "consensus with reservation", "voorbehoud"],
        Agreement::NoConsensus => &["none", "no consensus", "geen", "geen consensus"],
    }
}

fn command_words(command: PlainCommand) -> &'static [&'static str] {
    match command {
        PlainCommand::Help => &["?", "help", "hulp"],
        PlainCommand::Next => &["next", "n", "volgende"],
        PlainCommand::Previous => &["previous", "p", "vorige"],
        PlainCommand::GoTo => &["go", "ga"],
        PlainCommand::Skip => &["park", "skip", "s", "overslaan"],
        PlainCommand::Verdict => &["verdict", "oordeel"],
        PlainCommand::Save => &["save", "opslaan"],
        PlainCommand::Stop => &["stop"],
        PlainCommand::Agenda => &["agenda", "actions"],
        PlainCommand::ActionStatus => &["status", "stand"],
    }
}

fn command_help(command: PlainCommand) -> &'static str {
    match command {
        PlainCommand::Help => "this help",
        PlainCommand::Next => "to the next criterion",
        PlainCommand::Previous => "to the previous criterion",
        PlainCommand::GoTo => "to a criterion, for example: go VIS-3",
        PlainCommand::Skip => "park this criterion and come back to it later",
        PlainCommand::Verdict => "the verdict so far, with its reasons",
        PlainCommand::Save => "save now",
        PlainCommand::Stop => "save and stop",
        PlainCommand::Agenda => "every action of the scan, by due date, with what is overdue",
        PlainCommand::ActionStatus => {
            "the status of an action of this criterion, for example: status 1 klaar"
        }
    }
}
