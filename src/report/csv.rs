//! The CSV report: one row per framework criterion with every score and note,
//! for a spreadsheet. Written for Excel and LibreOffice in the report's
//! language: UTF-8 with a byte-order mark (so Excel does not read it as
//! Windows-1252), the language's list separator (`;` in Dutch, as the decimal
//! separator is `,`; `,` in English), CRLF line ends, and RFC 4180 quoting, so
//! a note with line breaks stays one cell.
//!
//! Every score has a label column ("3 – Op orde", "Onbekend") for people and
//! a bare number column next to it for formulas, empty where there is no
//! score (onbekend, n.v.t., open), so `=SOM(...)` and `=GEMIDDELDE(...)` work.

use super::{Report, Row, clean, theme_name};
use crate::model::Answer;

pub(super) const BOM: &str = "\u{feff}";
pub(super) const LINE_END: &str = "\r\n";

pub(super) fn render(report: &Report) -> String {
    let words = report.words();
    let framework = report.framework;
    let mut header: Vec<String> = [
        words.region,
        words.date,
        words.theme,
        words.criterion,
        words.criterion_title,
        words.critical,
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    for perspective in &framework.perspectives {
        header.push((words.perspective_score)(&perspective.label));
        header.push((words.perspective_number)(&perspective.label));
        header.push((words.perspective_note)(&perspective.label));
    }
    header.extend(
        [
            words.consensus,
            words.consensus_number,
            words.agreement,
            words.counting_score,
            words.consensus_note,
            words.action,
            words.changed_at,
            words.status,
            words.attention_points,
        ]
        .map(ToString::to_string),
    );

    let mut out = String::from(BOM);
    let separator = words.csv_separator;
    record(&mut out, &header, separator);
    for row in report.rows() {
        record(&mut out, &fields(report, &row), separator);
    }
    out
}

/// The cells of one criterion, in the order of the header.
fn fields(report: &Report, row: &Row) -> Vec<String> {
    let words = report.words();
    let meta = &report.scan.meta;
    let mut fields = vec![
        meta.region.clone(),
        meta.date.to_string(),
        theme_name(row.entry.theme),
        row.entry.criterion.id.clone(),
        row.entry.criterion.title.clone(),
        if row.entry.criterion.critical {
            words.yes
        } else {
            words.no
        }
        .to_string(),
    ];
    for index in 0..report.framework.perspectives.len() {
        let answer = row
            .answer
            .perspectives
            .get(index)
            .and_then(|view| view.score);
        fields.push(
            answer
                .map(|answer| report.answer_label(answer))
                .unwrap_or_default(),
        );
        fields.push(bare_score(answer));
        fields.push(report.perspective_note(row, index).to_string());
    }
    fields.extend([
        report.consensus_answer(row),
        bare_score(row.answer.consensus),
        row.answer
            .agreement
            .map(|level| report.framework.agreement_label(level).to_string())
            .unwrap_or_default(),
        // A bare number, so a spreadsheet can compute with it.
        row.result
            .counting_score()
            .map(|score| score.to_string())
            .unwrap_or_default(),
        row.answer.consensus_note.clone(),
        action_cell(report, row),
        row.answer
            .changed_at
            .map(|at| at.to_string())
            .unwrap_or_default(),
        report.status(row).to_string(),
        report
            .criterion_attention(&row.entry.criterion.id)
            .unwrap_or_default(),
    ]);
    fields
}

/// A score as a bare number a spreadsheet computes with; empty for
/// onbekend, n.v.t. and no answer.
fn bare_score(answer: Option<Answer>) -> String {
    answer
        .and_then(Answer::score)
        .map(|score| score.to_string())
        .unwrap_or_default()
}

/// The cell with a criterion's action: the one place the CSV writes one.
/// Ambition and actions, one per line in the cell.
fn action_cell(report: &Report, row: &Row) -> String {
    report.agenda_lines(row).join("\n")
}

pub(super) fn record(out: &mut String, fields: &[String], separator: char) {
    for (index, field) in fields.iter().enumerate() {
        if index > 0 {
            out.push(separator);
        }
        out.push_str(&quote(&defuse(&clean(field)), separator));
    }
    out.push_str(LINE_END);
}

/// A field as RFC 4180 wants it: quoted when it holds the separator, a quote
/// or a line break, with quotes doubled. Line breaks inside a cell stay `\n`,
/// as Excel writes them.
pub(super) fn quote(field: &str, separator: char) -> String {
    if field.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// A cell that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`)
/// gets a leading apostrophe, so opening the file never runs what a note says.
pub(super) fn defuse(field: &str) -> String {
    if field.starts_with(['=', '+', '-', '@']) {
        format!("'{field}")
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_follows_rfc_4180() {
        assert_eq!(quote("plain", ';'), "plain");
        assert_eq!(quote("a;b", ';'), "\"a;b\"");
        assert_eq!(quote("a,b", ';'), "a,b");
        assert_eq!(quote("a,b", ','), "\"a,b\"");
        assert_eq!(quote("zei \"ja\"", ';'), "\"zei \"\"ja\"\"\"");
        assert_eq!(quote("regel 1\nregel 2", ';'), "\"regel 1\nregel 2\"");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(defuse("- punt"), "'- punt");
        assert_eq!(defuse("3 – Op orde"), "3 – Op orde");
    }
}
