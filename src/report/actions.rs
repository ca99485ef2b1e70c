//! `zelfscan actions`: every action of one or more scans as one list, in
//! Markdown, CSV, JSON or iCalendar, sorted by due date. Overdue actions are
//! marked in words, judged on the day given.

use jiff::Timestamp;
use jiff::civil::Date;
use serde_json::json;

use super::agenda::action_line;
use super::csv::{BOM, LINE_END, record};
use super::markdown::escape;
use super::{clean, ics};
use crate::i18n::Catalogue;
use crate::model::Scan;
use crate::model::agenda::{AgendaItem, AgendaSort, agenda_items};

/// The formats of the action list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionsFormat {
    Markdown,
    Csv,
    Json,
    /// An iCalendar file: one to-do per action with a due date.
    Ics,
    /// An iCalendar file: one all-day event per action with a due date, on
    /// that date (for calendars that ignore to-dos, such as Google Calendar).
    IcsEvents,
}

/// The action list of `scans`. `today` decides what is overdue; `stamp` is
/// the moment the calendar was made (DTSTAMP).
pub fn render_actions(
    scans: &[&Scan],
    format: ActionsFormat,
    text: &Catalogue,
    today: Date,
    stamp: Timestamp,
) -> String {
    let items = agenda_items(scans, AgendaSort::Due, today);
    match format {
        ActionsFormat::Markdown => markdown(scans, &items, text),
        ActionsFormat::Csv => csv(scans, &items, text),
        ActionsFormat::Json => json(scans, &items, text),
        ActionsFormat::Ics => ics::calendar(scans, &items, text, stamp, ics::Entry::Todo),
        ActionsFormat::IcsEvents => ics::calendar(scans, &items, text, stamp, ics::Entry::Event),
    }
}

fn markdown(scans: &[&Scan], items: &[AgendaItem<'_>], text: &Catalogue) -> String {
    let words = &text.agenda;
    let late = items.iter().filter(|item| item.overdue).count();
    let mut out = format!(
        "# {}\n\n{} ({})\n\n",
        words.actions_title,
        (words.summary)(items.len(), late),
        (words.sorted_by)(AgendaSort::Due)
    );
    if items.is_empty() {
        out.push_str(words.no_actions);
        out.push('\n');
    }
    for item in items {
        let mut line = format!(
            "- **{} {}**",
            escape(item.criterion_id),
            escape(&clean(item.criterion_title))
        );
        if scans.len() > 1 {
            line.push_str(&format!(
                " ({})",
                escape(&clean(&scans[item.scan].meta.region))
            ));
        }
        let what = clean(&action_line(text, item.action)).replace('\n', " ");
        line.push_str(&format!(": {}", escape(&what)));
        if item.overdue {
            line.push_str(&format!(" — **{}**", words.overdue));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn csv(scans: &[&Scan], items: &[AgendaItem<'_>], text: &Catalogue) -> String {
    let words = &text.agenda;
    let separator = text.report.csv_separator;
    let mut out = String::from(BOM);
    let header: Vec<String> = [
        words.region,
        words.criterion,
        text.report.criterion_title,
        words.action,
        words.owner,
        words.due,
        words.status_label,
        words.overdue,
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    record(&mut out, &header, separator);
    for item in items {
        let action = item.action;
        record(
            &mut out,
            &[
                scans[item.scan].meta.region.clone(),
                item.criterion_id.to_string(),
                item.criterion_title.to_string(),
                action.what.clone(),
                action.owner.clone(),
                // ISO dates, so a spreadsheet reads them as dates.
                action.due.map(|due| due.to_string()).unwrap_or_default(),
                (words.status)(action.status).to_string(),
                if item.overdue { words.overdue } else { "" }.to_string(),
            ],
            separator,
        );
    }
    debug_assert!(out.ends_with(LINE_END) || items.is_empty());
    out
}

fn json(scans: &[&Scan], items: &[AgendaItem<'_>], text: &Catalogue) -> String {
    let list: Vec<serde_json::Value> = items
        .iter()
        .map(|item| {
            let mut value = super::agenda::action_value(text, item.action);
            if let Some(object) = value.as_object_mut() {
                object.insert("region".into(), json!(scans[item.scan].meta.region));
                object.insert(
                    "scan_date".into(),
                    json!(scans[item.scan].meta.date.to_string()),
                );
                object.insert("criterion".into(), json!(item.criterion_id));
                object.insert("criterion_title".into(), json!(item.criterion_title));
                object.insert("overdue".into(), json!(item.overdue));
            }
            value
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&json!({ "actions": list })).unwrap_or_default();
    out.push('\n');
    out
}
