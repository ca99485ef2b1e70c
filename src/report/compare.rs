//! `zelfscan compare` as Markdown, HTML (with a chart of the change per
//! theme), CSV or JSON: pure functions from a [`Comparison`] to text.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::csv::{defuse, quote};
use super::html::esc;
use super::{Format, clean};
use crate::i18n::Catalogue;
use crate::model::compare::{Change, Comparison, NotComparable};

/// The comparison in one format.
pub fn render_comparison(comparison: &Comparison, format: Format, text: &Catalogue) -> String {
    match format {
        Format::Markdown => markdown(comparison, text),
        Format::Html => html(comparison, text),
        Format::Csv => csv(comparison, text),
        Format::Json => json(comparison),
    }
}

fn title(c: &Comparison, text: &Catalogue) -> String {
    (text.many.compare_title)(
        &c.new_region,
        &(text.report.date_long)(c.old_date),
        &(text.report.date_long)(c.new_date),
    )
}

fn number(value: Option<f64>, text: &Catalogue) -> String {
    value.map_or_else(|| text.report.no_score.to_string(), |v| (text.number)(v))
}

/// "+0,50 hoger", "0,00 gelijk", or the no-score mark.
fn difference(value: Option<f64>, change: Option<Change>, text: &Catalogue) -> String {
    match (value, change) {
        (Some(value), Some(change)) => {
            let sign = if value > 0.0 { "+" } else { "" };
            format!(
                "{sign}{} {}",
                (text.number)(value),
                (text.many.change_word)(change)
            )
        }
        _ => text.report.no_score.to_string(),
    }
}

fn verdict(verdict: crate::model::Verdict, provisional: bool, text: &Catalogue) -> String {
    if provisional {
        format!("{} ({})", (text.verdict)(verdict), text.report.provisional)
    } else {
        (text.verdict)(verdict).to_string()
    }
}

fn score(value: Option<u8>, text: &Catalogue) -> String {
    value.map_or_else(|| text.report.no_score.to_string(), |v| v.to_string())
}

/// The rows every format shows: (label, then, now, change).
fn summary_rows(c: &Comparison, text: &Catalogue) -> Vec<[String; 4]> {
    let total_difference = c.new_total.zip(c.old_total).map(|(n, o)| n - o);
    let verdict_change = match c.new_verdict.cmp(&c.old_verdict) {
        std::cmp::Ordering::Greater => Change::Up,
        std::cmp::Ordering::Less => Change::Down,
        std::cmp::Ordering::Equal => Change::Same,
    };
    vec![
        [
            text.report.verdict.to_string(),
            verdict(c.old_verdict, c.old_provisional, text),
            verdict(c.new_verdict, c.new_provisional, text),
            (text.many.change_word)(verdict_change).to_string(),
        ],
        [
            text.report.total.to_string(),
            number(c.old_total, text),
            number(c.new_total, text),
            difference(total_difference, c.total_change(), text),
        ],
    ]
}

fn theme_rows(c: &Comparison, text: &Catalogue) -> Vec<[String; 4]> {
    c.themes
        .iter()
        .map(|theme| {
            [
                format!("{} {}", theme.theme_id, clean(&theme.title)),
                number(theme.old, text),
                number(theme.new, text),
                difference(theme.difference(), theme.change(), text),
            ]
        })
        .collect()
}

fn criterion_rows(c: &Comparison, text: &Catalogue) -> Vec<[String; 5]> {
    c.criteria
        .iter()
        .map(|criterion| {
            [
                criterion.criterion_id.clone(),
                clean(&criterion.title),
                score(criterion.old, text),
                score(criterion.new, text),
                difference(
                    criterion.difference().map(f64::from),
                    criterion.change(),
                    text,
                ),
            ]
        })
        .collect()
}

/// The agenda then and now: one row per action (criterion, ambition then
/// and now, action, owner, status then and now); a criterion with an
/// ambition and no action gets one row. "—" where a scan has nothing.
fn agenda_rows(c: &Comparison, text: &Catalogue) -> Vec<[String; 7]> {
    let words = &text.agenda;
    let level = |value: Option<u8>| value.map_or_else(|| "—".to_string(), |v| v.to_string());
    let status = |value: Option<crate::model::ActionStatus>| {
        value.map_or_else(|| "—".to_string(), |s| (words.status)(s).to_string())
    };
    let mut rows = Vec::new();
    for item in &c.agenda {
        let ambition = [level(item.ambition_then), level(item.ambition_now)];
        if item.actions.is_empty() {
            rows.push([
                item.criterion_id.clone(),
                ambition[0].clone(),
                ambition[1].clone(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
        for action in &item.actions {
            rows.push([
                item.criterion_id.clone(),
                ambition[0].clone(),
                ambition[1].clone(),
                clean(&action.what),
                clean(&action.owner),
                status(action.then),
                status(action.now),
            ]);
        }
    }
    rows
}

/// The column heads of [`agenda_rows`].
fn agenda_head(text: &Catalogue) -> [String; 7] {
    let (many, words) = (&text.many, &text.agenda);
    [
        text.report.criterion.to_string(),
        format!("{} ({})", words.ambition_level, many.then),
        format!("{} ({})", words.ambition_level, many.now),
        words.action.to_string(),
        words.owner.to_string(),
        format!("{} ({})", words.status_label, many.then),
        format!("{} ({})", words.status_label, many.now),
    ]
}

fn titled(c: &Comparison, id: &str) -> String {
    let title = c
        .criteria
        .iter()
        .find(|criterion| criterion.criterion_id == id)
        .map(|criterion| clean(&criterion.title))
        .unwrap_or_default();
    format!("{id} {title}")
}

/// The three lists: became, stopped, not comparable, each with its heading.
fn lists(c: &Comparison, text: &Catalogue) -> Vec<(&'static str, Vec<String>)> {
    vec![
        (
            text.many.became_attention,
            c.became_attention.iter().map(|id| titled(c, id)).collect(),
        ),
        (
            text.many.stopped_attention,
            c.stopped_attention.iter().map(|id| titled(c, id)).collect(),
        ),
        (
            text.many.not_comparable,
            c.not_comparable
                .iter()
                .map(|item| (text.many.not_comparable_item)(item))
                .collect(),
        ),
    ]
}

fn md_cell(text: &str) -> String {
    clean(text).replace('|', "\\|").replace('\n', " ")
}

fn markdown(c: &Comparison, text: &Catalogue) -> String {
    let many = &text.many;
    let words = &text.report;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_cell(&title(c, text)));
    let _ = writeln!(out, "| | {} | {} | {} |", many.then, many.now, many.change);
    out.push_str("|---|---|---|---|\n");
    for row in summary_rows(c, text) {
        let cells: Vec<String> = row.iter().map(|cell| md_cell(cell)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    let _ = writeln!(out, "\n## {}\n", words.theme_scores);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---|---|---|",
        words.theme, many.then, many.now, many.change
    );
    for row in theme_rows(c, text) {
        let cells: Vec<String> = row.iter().map(|cell| md_cell(cell)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    let _ = writeln!(out, "\n## {}\n", words.criteria);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        words.criterion, words.criterion_title, many.then, many.now, many.change
    );
    for row in criterion_rows(c, text) {
        let cells: Vec<String> = row.iter().map(|cell| md_cell(cell)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    if !c.agenda.is_empty() {
        let _ = writeln!(out, "\n## {}\n", many.agenda_progress);
        let _ = writeln!(out, "| {} |", agenda_head(text).join(" | "));
        out.push_str("|---|---|---|---|---|---|---|\n");
        for row in agenda_rows(c, text) {
            let cells: Vec<String> = row.iter().map(|cell| md_cell(cell)).collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
    }
    for (heading, items) in lists(c, text) {
        let _ = writeln!(out, "\n## {heading}\n");
        if items.is_empty() {
            let _ = writeln!(out, "{}", many.nothing);
        }
        for item in items {
            let _ = writeln!(out, "- {}", md_cell(&item));
        }
    }
    out
}

const STYLE: &str = "body{font-family:sans-serif;max-width:182mm;margin:0 auto;padding:12px;color:#1a1a1a}\
h1{color:#1f3b57}h2{color:#1f3b57;border-bottom:1.5pt solid #1f3b57}\
table{border-collapse:collapse;width:100%;margin:0 0 8pt}th,td{text-align:left;padding:2.5pt 6pt;border-bottom:0.5pt solid #c9cfd6}\
thead th{background:#e8eef4}.num{text-align:right;white-space:nowrap}\
.up{color:#1b6e2e}.down{color:#a4161a}.chart svg{width:100%;height:auto}";

fn html_table(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    out.push_str("<table>\n<thead><tr>");
    for cell in head {
        let _ = write!(out, "<th>{}</th>", esc(cell));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (index, cell) in row.iter().enumerate() {
            let class = if index == 0 { "" } else { " class=\"num\"" };
            let _ = write!(out, "<td{class}>{}</td>", esc(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Horizontal bars around a zero line: right (green) is higher, left (red) lower.
fn chart(c: &Comparison, text: &Catalogue) -> String {
    let bar_height = 22;
    let label_width = 260.0;
    let half = 200.0;
    let largest = c
        .themes
        .iter()
        .filter_map(|theme| theme.difference())
        .fold(0.5_f64, |most, value| most.max(value.abs()));
    let height = bar_height * c.themes.len() + 30;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {height}\" role=\"img\" aria-label=\"{}\">\n",
        label_width + 2.0 * half + 80.0,
        esc(text.many.change_chart_title)
    );
    let zero = label_width + half;
    for (index, theme) in c.themes.iter().enumerate() {
        let y = 10 + index * bar_height;
        let _ = writeln!(
            svg,
            "<text x=\"0\" y=\"{}\" font-size=\"12\">{}</text>",
            y + 15,
            esc(&format!("{} {}", theme.theme_id, theme.title))
        );
        if let Some(value) = theme.difference() {
            let width = (value.abs() / largest * half).max(1.0);
            let (x, colour) = if value >= 0.0 {
                (zero, "#1b6e2e")
            } else {
                (zero - width, "#a4161a")
            };
            let _ = writeln!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{}\" width=\"{width:.1}\" height=\"{}\" fill=\"{colour}\"/>",
                y + 3,
                bar_height - 6
            );
            let _ = writeln!(
                svg,
                "<text x=\"{:.1}\" y=\"{}\" font-size=\"11\">{}</text>",
                zero + half + 8.0,
                y + 15,
                esc(&difference(Some(value), theme.change(), text))
            );
        }
    }
    let _ = writeln!(
        svg,
        "<line x1=\"{zero}\" y1=\"5\" x2=\"{zero}\" y2=\"{}\" stroke=\"#1a1a1a\"/>\n</svg>",
        height - 15
    );
    svg
}

fn html(c: &Comparison, text: &Catalogue) -> String {
    let many = &text.many;
    let words = &text.report;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        words.html_lang,
        esc(&title(c, text))
    );
    let _ = writeln!(out, "<h1>{}</h1>", esc(&title(c, text)));
    let rows: Vec<Vec<String>> = summary_rows(c, text).into_iter().map(Vec::from).collect();
    html_table(&mut out, &["", many.then, many.now, many.change], &rows);
    let _ = writeln!(out, "<h2>{}</h2>", esc(many.change_chart_title));
    let _ = writeln!(out, "<div class=\"chart\">{}</div>", chart(c, text));
    let _ = writeln!(out, "<h2>{}</h2>", esc(words.theme_scores));
    let rows: Vec<Vec<String>> = theme_rows(c, text).into_iter().map(Vec::from).collect();
    html_table(
        &mut out,
        &[words.theme, many.then, many.now, many.change],
        &rows,
    );
    let _ = writeln!(out, "<h2>{}</h2>", esc(words.criteria));
    let rows: Vec<Vec<String>> = criterion_rows(c, text).into_iter().map(Vec::from).collect();
    html_table(
        &mut out,
        &[
            words.criterion,
            words.criterion_title,
            many.then,
            many.now,
            many.change,
        ],
        &rows,
    );
    if !c.agenda.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", esc(many.agenda_progress));
        let head = agenda_head(text);
        let head: Vec<&str> = head.iter().map(String::as_str).collect();
        let rows: Vec<Vec<String>> = agenda_rows(c, text).into_iter().map(Vec::from).collect();
        html_table(&mut out, &head, &rows);
    }
    for (heading, items) in lists(c, text) {
        let _ = writeln!(out, "<h2>{}</h2>", esc(heading));
        if items.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", esc(many.nothing));
        } else {
            out.push_str("<ul>\n");
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", esc(&item));
            }
            out.push_str("</ul>\n");
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn csv(c: &Comparison, text: &Catalogue) -> String {
    let separator = text.report.csv_separator;
    let many = &text.many;
    let words = &text.report;
    let mut out = String::from("\u{feff}");
    let mut record = |fields: &[String]| {
        let cells: Vec<String> = fields
            .iter()
            .map(|field| quote(&defuse(&clean(field)), separator))
            .collect();
        out.push_str(&cells.join(&separator.to_string()));
        out.push_str("\r\n");
    };
    record(&[
        words.criterion.to_string(),
        words.criterion_title.to_string(),
        many.then.to_string(),
        many.now.to_string(),
        many.change.to_string(),
    ]);
    for row in summary_rows(c, text) {
        record(&[
            String::new(),
            row[0].clone(),
            row[1].clone(),
            row[2].clone(),
            row[3].clone(),
        ]);
    }
    for row in theme_rows(c, text) {
        record(&[
            String::new(),
            row[0].clone(),
            row[1].clone(),
            row[2].clone(),
            row[3].clone(),
        ]);
    }
    for row in criterion_rows(c, text) {
        record(&row);
    }
    out
}

fn not_comparable(item: &NotComparable) -> Value {
    match item {
        NotComparable::DifferentFramework { old, new } => {
            json!({"kind": "different_framework", "old": old, "new": new})
        }
        NotComparable::DifferentVersion { old, new } => {
            json!({"kind": "different_version", "old": old, "new": new})
        }
        NotComparable::DifferentScale => json!({"kind": "different_scale"}),
        NotComparable::CriterionOnlyInOld { criterion_id } => {
            json!({"kind": "criterion_only_in_old", "id": criterion_id})
        }
        NotComparable::CriterionOnlyInNew { criterion_id } => {
            json!({"kind": "criterion_only_in_new", "id": criterion_id})
        }
        NotComparable::ThemeOnlyInOld { theme_id } => {
            json!({"kind": "theme_only_in_old", "id": theme_id})
        }
        NotComparable::ThemeOnlyInNew { theme_id } => {
            json!({"kind": "theme_only_in_new", "id": theme_id})
        }
    }
}

fn json(c: &Comparison) -> String {
    let change = |change: Option<Change>| change.map(Change::key);
    let value = json!({
        "old": {
            "region": c.old_region,
            "date": c.old_date.to_string(),
            "verdict": c.old_verdict.key(),
            "provisional": c.old_provisional,
            "total": c.old_total,
        },
        "new": {
            "region": c.new_region,
            "date": c.new_date.to_string(),
            "verdict": c.new_verdict.key(),
            "provisional": c.new_provisional,
            "total": c.new_total,
        },
        "total_change": change(c.total_change()),
        "themes": c.themes.iter().map(|theme| json!({
            "id": theme.theme_id,
            "title": theme.title,
            "old": theme.old,
            "new": theme.new,
            "difference": theme.difference(),
            "change": change(theme.change()),
        })).collect::<Vec<Value>>(),
        "criteria": c.criteria.iter().map(|criterion| json!({
            "id": criterion.criterion_id,
            "theme": criterion.theme_id,
            "title": criterion.title,
            "old": criterion.old,
            "new": criterion.new,
            "difference": criterion.difference(),
            "change": change(criterion.change()),
            "old_attention": criterion.old_attention,
            "new_attention": criterion.new_attention,
        })).collect::<Vec<Value>>(),
        "became_attention": c.became_attention,
        "stopped_attention": c.stopped_attention,
        "not_comparable": c.not_comparable.iter().map(not_comparable).collect::<Vec<Value>>(),
        "agenda": c.agenda.iter().map(|item| json!({
            "criterion": item.criterion_id,
            "ambition_level_old": item.ambition_then,
            "ambition_level_new": item.ambition_now,
            "actions": item.actions.iter().map(|action| json!({
                "what": action.what,
                "owner": action.owner,
                "old_status": action.then.map(|s| s.key()),
                "new_status": action.now.map(|s| s.key()),
            })).collect::<Vec<Value>>(),
        })).collect::<Vec<Value>>(),
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}
