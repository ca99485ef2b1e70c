//! The English words of the many-scans work: merge, compare, overview,
//! homework.

use crate::i18n::ManyText;
use crate::model::compare::{Change, NotComparable};

pub const MANY: ManyText = ManyText {
    compare_title: |region, then, now| format!("Comparison {region}: {then} and {now}"),
    then: "Then",
    now: "Now",
    change: "Change",
    change_word: |change| match change {
        Change::Up => "higher",
        Change::Down => "lower",
        Change::Same => "same",
    },
    became_attention: "New points of attention",
    stopped_attention: "No longer a point of attention",
    not_comparable: "Not comparable",
    nothing: "None.",
    not_comparable_item: |item| match item {
        NotComparable::DifferentFramework { old, new } => {
            format!("different frameworks ({old} and {new}): only matching criteria are compared")
        }
        NotComparable::DifferentVersion { old, new } => {
            format!(
                "different framework versions ({old} and {new}): only matching criteria are compared"
            )
        }
        NotComparable::DifferentScale => {
            "the answer scales differ: the same number may mean something else".to_string()
        }
        NotComparable::CriterionOnlyInOld { criterion_id } => {
            format!("criterion {criterion_id} is only in the old scan")
        }
        NotComparable::CriterionOnlyInNew { criterion_id } => {
            format!("criterion {criterion_id} is only in the new scan")
        }
        NotComparable::ThemeOnlyInOld { theme_id } => {
            format!("theme {theme_id} is only in the old scan")
        }
        NotComparable::ThemeOnlyInNew { theme_id } => {
            format!("theme {theme_id} is only in the new scan")
        }
    },
    change_chart_title: "Change per theme (now minus then)",
    agenda_progress: "Agenda: ambitions and actions then and now",
    overview_title: |count| format!("Overview of {count} scans"),
    overview_group: |title, version, count| format!("{title}, version {version}: {count} scans"),
    overview_counts: |scans, regions, verdicts| {
        if scans == regions {
            format!("{scans} regions, {verdicts}")
        } else {
            format!("{scans} scans of {regions} regions, {verdicts}")
        }
    },
    verdict_count: |count, verdict| format!("{count} {verdict}"),
    completion: "Answered",
    heatmap_title: "Scores per criterion and region",
    spread_title: "Median and spread per criterion",
    median: "Median",
    lowest: "Lowest",
    highest: "Highest",
    scored: "Scored",
    source: "File",
    suppressed: |min| format!("Fewer than {min} scans: totals, median and spread are not shown."),
    not_loaded: |count| format!("{count} file(s) not loaded and not changed."),
    no_scans: "No scans found.",
    merged_with_conflicts: |path, count| {
        format!(
            "Merged into {path}, with {count} conflict(s): choose per field in the walkthrough."
        )
    },
    merged_clean: |path| format!("Merged into {path}, without conflicts."),
    unmatched: |from, criterion, field| {
        format!(
            "{from}: {criterion} {field} does not fit the merged framework and was not taken over"
        )
    },
    meta_difference: |field| {
        format!("the files differ in {field}; the first file's value was kept")
    },
    output_is_input: |path| format!("{path} is one of the input files; choose another output file"),
    different_frameworks: |first, other| {
        format!("scans of different frameworks ({first} and {other}) cannot be merged")
    },
    write_failed: |path, reason| format!("{path} could not be written: {reason}"),
    homework_line: |side| format!("Homework for {side}: only their scores and notes"),
    homework_refused: |side| {
        format!("Homework for {side}: only their scores and notes; the rest is for the workshop")
    },
    no_conflicts_here: "This criterion has no conflicts.",
    cannot_choose: "This value cannot be chosen here.",
    combine_only_notes: "Only notes can be combined.",
    conflicts_title: |criterion, n, count| format!("Conflicts at {criterion} ({n} of {count})"),
    conflicts_help: "Choose with ←/→ and Enter; c combines notes, e takes the value and edits on.",
    spread: |label, low, high, count| {
        format!("{label}: lowest {low}, highest {high}, {count} files")
    },
    empty_value: "(empty)",
    conflicts_on_open: |count| {
        format!("{count} merge conflict(s): press c at a criterion with conflicts.")
    },
    last_time_title: |date| format!("Last time ({date})"),
    last_time_missing: "This criterion is not in the previous scan.",
    no_previous: "There is no previous scan of this region and framework.",
    previous_failed: "The previous scan could not be opened",
    previous_found: |name, date| {
        format!("Previous scan added: {name} ({date}); press h for last time.")
    },
    previous_badge: |score| format!("previous {score}"),
    last_time_change: "Change",
    last_time_help: "Esc closes.",
    help_overview_intro: "The overview of many scans: ↑/↓ picks a row, Tab switches between table, heatmap and spread, ←/→ switches framework or version.",
    overview_views: ["Table", "Heatmap", "Spread"],
    homework_left_out: |count| {
        format!("{count} homework scan(s) left out: homework is no region's result.")
    },
    conflict_mark: |options, spread| match spread {
        Some((low, high, count)) => format!("⚠ {low}–{high}, {count} files (c)"),
        None => format!("⚠ {options} values (c)"),
    },
    unknown_perspective: |id, known| format!("unknown perspective {id:?}; known: {known}"),
};
