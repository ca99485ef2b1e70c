//! Every word a user reads, one catalogue per language. Code refers to strings
//! by field name; a catalogue is a `const` of [`Catalogue`], so a language that
//! misses a string does not compile.

mod en;
mod nl;
mod numbers;

use crate::model::{AttentionPoint, Framework, OverrideOutcome, Reason, Verdict};
use crate::storage::{Problem, ProblemKind};
use crate::vocab::Help;
use numbers::{reason_numbers, two_decimals};

/// The interface languages. Dutch is the default; English is the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    pub fn catalogue(self) -> &'static Catalogue {
        match self {
            Lang::Nl => &nl::NL,
            Lang::En => &en::EN,
        }
    }

    /// The ISO 639-1 code, as in a framework's `language` and in `--lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// A language code or a POSIX locale: "en", "EN", "en-GB", "en_GB.UTF-8",
    /// "nl_NL@euro" → the language; anything else ("C", "fr_FR") → `None`.
    pub fn from_code(value: &str) -> Option<Lang> {
        let language = value
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .trim();
        Lang::ALL
            .into_iter()
            .find(|lang| language.eq_ignore_ascii_case(lang.code()))
    }

    /// The language the environment asks for, from the values of
    /// `ZELFSCAN_LANG`, `LC_ALL`, `LC_MESSAGES` and `LANG`, in that order. As
    /// in POSIX, the first one that is set and not empty decides; a value
    /// that names neither language (such as "C" or "fr_FR.UTF-8") means Dutch.
    pub fn from_env_values(
        zelfscan_lang: Option<&str>,
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        [zelfscan_lang, lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|value| !value.is_empty())
            .and_then(Lang::from_code)
            .unwrap_or_default()
    }

    /// [`Lang::from_env_values`] on this process's environment.
    pub fn from_env() -> Lang {
        let var = |name: &str| std::env::var(name).ok();
        Lang::from_env_values(
            var("ZELFSCAN_LANG").as_deref(),
            var("LC_ALL").as_deref(),
            var("LC_MESSAGES").as_deref(),
            var("LANG").as_deref(),
        )
    }

    /// The interface language, by precedence: the `--lang` flag, then the
    /// setting in the config file, then the environment (asked only when
    /// needed, so tests can pass a fixed value).
    pub fn resolve(flag: Option<Lang>, config: Option<Lang>, env: impl FnOnce() -> Lang) -> Lang {
        flag.or(config).unwrap_or_else(env)
    }
}

/// All interface text of one language. Plain strings for fixed text, `fn`s for
/// text with numbers or names in it.
pub struct Catalogue {
    pub app_name: &'static str,
    pub problem: fn(&ProblemKind) -> String,
    pub warning_prefix: &'static str,
    pub error_prefix: &'static str,
    pub tagline: &'static str,
    pub too_small: fn(u16, u16, u16, u16) -> String,
    pub progress: fn(usize, usize) -> String,
    pub unsaved: &'static str,
    pub saved_at: fn(&str) -> String,
    pub no_changes: &'static str,
    pub start_title: &'static str,
    pub start_intro: &'static str,
    pub menu_new_scan: &'static str,
    pub menu_open_path: &'static str,
    pub recent_heading: &'static str,
    pub folder_heading: fn(&str) -> String,
    pub no_scans_yet: &'static str,
    pub scans_saved_in: fn(&str) -> String,
    pub new_scan_title: &'static str,
    pub form_region: &'static str,
    pub form_date: &'static str,
    pub form_facilitator: &'static str,
    pub form_note_taker: &'static str,
    pub form_framework: &'static str,
    pub form_participants: &'static str,
    pub form_participants_hint: fn(&str) -> String,
    pub form_file: &'static str,
    pub form_start_button: &'static str,
    pub region_required: &'static str,
    pub bad_date: fn(&str) -> String,
    pub bad_participant: fn(usize, &str, &str) -> String,
    pub file_required: &'static str,
    pub file_exists: fn(&str) -> String,
    pub no_frameworks: &'static str,
    pub create_failed: fn(&str) -> String,
    pub opened: fn(&str) -> String,
    pub opened_with_warnings: fn(&str) -> String,
    pub open_failed_title: fn(&str) -> String,
    pub io_error: fn(&std::io::Error) -> String,
    pub open_path_title: &'static str,
    pub open_path_help: &'static str,
    pub saved_to: fn(&str) -> String,
    /// A save that wrote nothing: the file already holds the scan as it is.
    pub nothing_to_save: fn(&str) -> String,
    pub save_failed: fn(&str) -> String,
    pub at_first_criterion: &'static str,
    pub at_last_criterion: fn(&str) -> String,
    pub only_this_unanswered: &'static str,
    pub all_answered: &'static str,
    pub not_on_scale: fn(u8, u8, u8) -> String,
    pub choose_score_field: &'static str,
    pub navigator_title: &'static str,
    pub navigator_title_active: &'static str,
    /// Before what was typed in the "go to" list: " Ga naar: VIS-2".
    pub goto_prompt: &'static str,
    pub critical: &'static str,
    pub joint_answer_rule: &'static str,
    pub no_consensus_counts_lowest: &'static str,
    pub read_only_refused: &'static str,
    pub label_note: &'static str,
    pub label_consensus: &'static str,
    pub label_agreement: &'static str,
    pub label_consensus_note: &'static str,
    pub label_action: &'static str,
    pub empty_note: &'static str,
    pub unknown_short: &'static str,
    pub not_applicable_short: &'static str,
    pub unsaved_title: &'static str,
    pub confirm_quit: &'static str,
    pub confirm_leave: &'static str,
    pub answer_save: &'static str,
    /// The key shown for "save" in the unsaved-changes question: one of the
    /// keys bound to it (j, y, Ctrl-S), the one that means "yes".
    pub confirm_save_key: &'static str,
    pub answer_discard: &'static str,
    pub answer_stay: &'static str,
    pub press_enter_to_close: &'static str,
    pub press_esc_to_close_help: &'static str,
    pub help_title: &'static str,
    pub help_walkthrough_intro: &'static str,
    pub help_marks_heading: &'static str,
    pub help_scale_heading: &'static str,
    pub status_open: &'static str,
    pub status_answered: &'static str,
    pub status_consensus: &'static str,
    pub status_no_consensus: &'static str,
    pub status_skipped: &'static str,
    pub unknown_framework: fn(&str, &str) -> String,
    /// Several frameworks have the id asked for: the id and where each one is
    /// (a file path, or [`Catalogue::framework_bundled`] with its file name).
    pub framework_id_clash: fn(&str, &str) -> String,
    /// `check` on a framework file that reuses a bundled framework's id:
    /// the id and the bundled file's name.
    pub framework_id_taken: fn(&str, &str) -> String,
    pub created_at: fn(&str) -> String,
    pub frameworks_header: &'static str,
    pub framework_bundled: &'static str,
    pub frameworks_folder: fn(&str) -> String,
    pub check_ok: fn(&str) -> String,
    pub help_more_below: &'static str,
    pub more_above: &'static str,
    pub more_below: &'static str,
    pub help_start_intro: &'static str,
    pub help_form_intro: &'static str,
    /// The name of a verdict.
    pub verdict: fn(Verdict) -> &'static str,
    /// A score or mean as shown to people (Dutch: "2,46").
    pub number: fn(f64) -> String,
    /// One reason for the verdict, in a sentence.
    pub reason: fn(&Reason, &Framework) -> String,
    /// One point of attention, in a sentence.
    pub attention: fn(&AttentionPoint, &Framework) -> String,
    /// What the facilitator's override did.
    pub override_outcome: fn(&OverrideOutcome) -> String,
    /// Said prominently about an unfinished scan.
    pub incomplete: fn(usize, usize) -> String,
    pub summary_title: &'static str,
    pub summary_verdict: &'static str,
    pub summary_computed: &'static str,
    pub summary_why: &'static str,
    pub summary_themes: &'static str,
    pub summary_total: &'static str,
    pub summary_attention: &'static str,
    pub summary_no_attention: &'static str,
    pub summary_unanswered: &'static str,
    pub override_title: &'static str,
    pub override_intro: &'static str,
    pub override_keep: fn(Verdict) -> String,
    pub override_rationale: &'static str,
    pub override_confirm: &'static str,
    pub override_needs_rationale: &'static str,
    pub help_summary_intro: &'static str,
    pub journal_failed: fn(&str) -> String,
    pub owner_description: fn(&str, &str, u32, &str) -> String,
    /// How many edits were restored, and when the last was made (if known).
    pub recovered: fn(usize, Option<&str>) -> String,
    pub journal_set_aside: fn(usize, &str) -> String,
    pub recovered_title: &'static str,
    pub copy_suffix: &'static str,
    pub conflict_suffix: &'static str,
    pub conflict_title: &'static str,
    pub conflict_explained: fn(&str, &str) -> String,
    pub locked_title: &'static str,
    pub locked_explained: fn(&str) -> String,
    pub locked_read_only: &'static str,
    pub locked_copy: &'static str,
    pub save_as_title: &'static str,
    pub save_as_help: &'static str,
    pub read_only_badge: &'static str,
    pub panic_data_safe: fn(&str, &str) -> String,
    pub made_by_newer: &'static str,
    pub search_title: &'static str,
    pub search_help: &'static str,
    pub search_count: fn(usize) -> String,
    pub search_place: fn(&crate::model::search::Place) -> String,
    pub summary_parked: &'static str,
    pub projector_hint: &'static str,
    pub projector_no_answer: &'static str,
    pub help_projector_intro: &'static str,
    pub not_saved_badge: &'static str,
    pub setting_problem: fn(&crate::config::SettingProblem) -> String,
    pub settings_title: fn(&str) -> String,
    pub settings_file_line: fn(&str, bool) -> String,
    pub settings_from_file: &'static str,
    pub settings_default: &'static str,
    pub settings_labels: [&'static str; 9],
    /// The session's minutes when the settings do not set them.
    pub settings_session_from_plan: &'static str,
    /// The criterion's countdown: time left, or (`true`) time over.
    pub clock_criterion: fn(&str, bool) -> String,
    /// The session's countdown: time left, or (`true`) time over.
    pub clock_session: fn(&str, bool) -> String,
    /// Behind plan by this many minutes.
    pub clock_behind: fn(i64) -> String,
    /// The criterion's countdown in whole minutes (`5 min`), outside its last minute.
    pub clock_minutes: fn(i64) -> String,
    /// The progress in the top bar where the long form does not fit (`5/22 beantwoord`).
    pub progress_short: fn(usize, usize) -> String,
    /// The clock setting's value in `zelfscan config`: on (`true`) or off.
    pub clock_setting: fn(bool) -> &'static str,
    pub agenda_title: &'static str,
    pub agenda_planned: &'static str,
    pub agenda_used: &'static str,
    pub agenda_total: &'static str,
    pub agenda_session: &'static str,
    pub theme_name: fn(crate::config::ThemeName) -> &'static str,
    pub private_mark: &'static str,
    pub choose_note_field: &'static str,
    pub help_short: fn(Help) -> &'static str,
    pub help_long: fn(Help) -> &'static str,
    pub report: ReportText,
    pub plain: PlainText,
    pub many: ManyText,
    pub input: InputText,
    pub agenda: AgendaText,
}

/// The words of the regional agenda (ambitions and actions): in the
/// walkthrough, on the agenda screen, in `zelfscan actions` and in reports.
pub struct AgendaText {
    /// "open", "lopend", "klaar", "vervallen" in words.
    pub status: fn(crate::model::ActionStatus) -> &'static str,
    pub action: &'static str,
    pub actions_title: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub status_label: &'static str,
    pub criterion: &'static str,
    pub region: &'static str,
    pub ambition: &'static str,
    pub ambition_level: &'static str,
    pub needed: &'static str,
    pub no_owner: &'static str,
    pub no_due: &'static str,
    pub no_actions: &'static str,
    /// Marks an overdue action in words, never by colour alone.
    pub overdue: &'static str,
    /// Marks an action carried from the previous scan, with its date.
    pub carried_from: fn(jiff::civil::Date) -> String,
    /// A point of attention without an action.
    pub without_action: &'static str,
    pub without_action_title: &'static str,
    /// "gesorteerd op vervaldatum" etc.
    pub sorted_by: fn(crate::model::AgendaSort) -> String,
    /// "5 acties, 2 te laat".
    pub summary: fn(usize, usize) -> String,
    /// Progress on the carried actions of a follow-up scan.
    pub progress: fn(&crate::model::agenda::AgendaProgress) -> String,
    pub progress_title: &'static str,
    /// The first save of a schema-1 scan kept the original as this file.
    pub backup_kept: fn(&str) -> String,
    /// Labels of the agenda part of the walkthrough (at most 16 characters).
    pub label_ambition: &'static str,
    pub label_by_when: &'static str,
    pub label_needed: &'static str,
    pub label_owner: &'static str,
    pub label_status: &'static str,
    /// "actie 1": the first field of an action.
    pub label_action: fn(usize) -> String,
    /// The rule above the agenda part of the walkthrough.
    pub part_rule: &'static str,
    /// Said when a key needs the focus on an action.
    pub choose_action: &'static str,
    /// The agenda screen: this many rows are below what fits.
    pub more_rows: fn(usize) -> String,
    /// `new --from`: what was carried from the scan of this date.
    pub carried_summary: fn(&str, usize, usize) -> String,
    /// `new --from`: criteria whose agenda could not be carried.
    pub carried_lost: fn(&str) -> String,
    /// The plain interface: asked when a criterion with carried actions comes up.
    pub plain_ask_carried: &'static str,
    /// The plain interface: how to set an action's status.
    pub plain_status_usage: &'static str,
    /// Asked when a carried action's criterion comes up in the walkthrough.
    pub ask_carried_status: &'static str,
}

/// The words of the many-scans commands and screens: `merge`,
/// `merge-driver`, `compare`, `overview`, homework and last time inline.
pub struct ManyText {
    /// "Vergelijking Regio X: 14 oktober 2026 en 3 oktober 2027".
    pub compare_title: fn(&str, &str, &str) -> String,
    pub then: &'static str,
    pub now: &'static str,
    pub change: &'static str,
    /// Up, down, same, in words.
    pub change_word: fn(crate::model::compare::Change) -> &'static str,
    pub became_attention: &'static str,
    pub stopped_attention: &'static str,
    pub not_comparable: &'static str,
    pub nothing: &'static str,
    pub not_comparable_item: fn(&crate::model::compare::NotComparable) -> String,
    pub change_chart_title: &'static str,
    /// The heading of the agenda then and now in `compare`.
    pub agenda_progress: &'static str,
    /// "Overzicht van 46 scans".
    pub overview_title: fn(usize) -> String,
    /// A group: framework title, version, how many scans.
    pub overview_group: fn(&str, &str, usize) -> String,
    /// "46 regio's, 19 robuust, …": how many scans, of how many regions, and
    /// the counts per verdict, already worded.
    pub overview_counts: fn(usize, usize, &str) -> String,
    /// "19 robuust".
    pub verdict_count: fn(usize, &str) -> String,
    pub completion: &'static str,
    pub heatmap_title: &'static str,
    pub spread_title: &'static str,
    pub median: &'static str,
    pub lowest: &'static str,
    pub highest: &'static str,
    pub scored: &'static str,
    pub source: &'static str,
    /// A group smaller than the threshold: its aggregated figures are not shown.
    pub suppressed: fn(usize) -> String,
    /// Scans that did not load, left untouched: how many.
    pub not_loaded: fn(usize) -> String,
    pub no_scans: &'static str,
    /// `merge`: written with this many conflicts.
    pub merged_with_conflicts: fn(&str, usize) -> String,
    pub merged_clean: fn(&str) -> String,
    /// A value the merged scan has no place for: source, criterion, field.
    pub unmatched: fn(&str, &str, &str) -> String,
    /// A scan-level field the sources disagree on; the first source's value was kept.
    pub meta_difference: fn(&str) -> String,
    pub output_is_input: fn(&str) -> String,
    pub different_frameworks: fn(&str, &str) -> String,
    pub write_failed: fn(&str, &str) -> String,
    /// The top line of a homework scan: which side's scores and notes are edited.
    pub homework_line: fn(&str) -> String,
    /// A change to a field homework leaves alone was refused; the side's label.
    pub homework_refused: fn(&str) -> String,
    pub no_conflicts_here: &'static str,
    /// The chosen value does not fit (a value of a field this build does not know).
    pub cannot_choose: &'static str,
    pub combine_only_notes: &'static str,
    /// The overlay's title: criterion id, which conflict, how many.
    pub conflicts_title: fn(&str, usize, usize) -> String,
    pub conflicts_help: &'static str,
    /// A side's spread where several files scored it: label, lowest, highest, how many.
    pub spread: fn(&str, u8, u8, usize) -> String,
    /// An option that holds no value (a side cleared the field).
    pub empty_value: &'static str,
    /// Said when a scan with conflicts opens.
    pub conflicts_on_open: fn(usize) -> String,
    /// The last-time overlay's title, with the earlier scan's date.
    pub last_time_title: fn(&str) -> String,
    pub last_time_missing: &'static str,
    pub no_previous: &'static str,
    pub previous_failed: &'static str,
    /// An earlier scan was found: its file name and date.
    pub previous_found: fn(&str, &str) -> String,
    /// Beside the criterion's title: last time's score and the change.
    pub previous_badge: fn(&str) -> String,
    pub last_time_change: &'static str,
    pub last_time_help: &'static str,
    pub help_overview_intro: &'static str,
    /// The names of the overview screen's views: table, heatmap, spread.
    pub overview_views: [&'static str; 3],
    /// The overview left homework scans out: how many.
    pub homework_left_out: fn(usize) -> String,
    /// Beside a field in conflict: how many values, and for a side's score
    /// the spread (lowest, highest, how many files).
    pub conflict_mark: fn(usize, Option<crate::model::conflict::Spread>) -> String,
    /// `new --perspective` with an id the framework does not have; the known ids.
    pub unknown_perspective: fn(&str, &str) -> String,
}

/// The words of the reports (`zelfscan report`): headings, labels and column
/// names. Verdicts, reasons, points of attention, overrides and the notice
/// about an unfinished scan come from [`Catalogue`] itself, so the interface
/// and the reports word them identically.
pub struct ReportText {
    /// The language tag of the HTML report's `<html lang>`.
    pub html_lang: &'static str,
    /// The CSV separator: the list separator the language's spreadsheets
    /// expect (`;` where the decimal separator is `,`).
    pub csv_separator: char,
    /// The report's title, with the region: "Zelfscan Regio Zeeduinen".
    pub title: fn(&str) -> String,
    pub region: &'static str,
    pub date: &'static str,
    /// A date as people write it: "25 november 2026".
    pub date_long: fn(jiff::civil::Date) -> String,
    pub facilitator: &'static str,
    pub note_taker: &'static str,
    pub framework: &'static str,
    /// A framework's title and version: "Zelfscan robuuste jeugdhulpregio, versie 2026.1".
    pub framework_version: fn(&str, &str) -> String,
    pub participants: &'static str,
    pub name: &'static str,
    pub organisation: &'static str,
    pub perspective: &'static str,
    pub no_participants: &'static str,
    pub verdict: &'static str,
    pub computed_verdict: &'static str,
    /// Said after a verdict of an unfinished scan or of a scan with nothing scored.
    pub provisional: &'static str,
    /// Said after a verdict the facilitator's override moved.
    pub overridden: &'static str,
    pub override_heading: &'static str,
    pub reasons: &'static str,
    pub theme_scores: &'static str,
    pub theme: &'static str,
    /// The column of the counting theme score, next to the perspectives' means.
    pub joint: &'static str,
    pub core_theme: &'static str,
    pub total: &'static str,
    /// In place of a score that does not exist (yet).
    pub no_score: &'static str,
    pub chart_title: &'static str,
    pub criteria: &'static str,
    pub criterion: &'static str,
    pub criterion_title: &'static str,
    pub critical: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub consensus: &'static str,
    pub agreement: &'static str,
    pub counting_score: &'static str,
    /// Where a counting score comes from, when it is not the consensus answer.
    pub counting_source: fn(&crate::model::ScoreSource, &Framework) -> String,
    pub note: &'static str,
    /// Column header: "Score Gemeenten".
    pub perspective_score: fn(&str) -> String,
    /// Column header: "Notitie Gemeenten".
    pub perspective_note: fn(&str) -> String,
    pub consensus_note: &'static str,
    pub action: &'static str,
    pub changed_at: &'static str,
    pub status: &'static str,
    /// A criterion without an answer.
    pub open: &'static str,
    pub attention_and_actions: &'static str,
    pub attention_points: &'static str,
    pub actions: &'static str,
    pub no_attention: &'static str,
    pub no_actions: &'static str,
    pub unanswered: &'static str,
    pub nothing_unanswered: &'static str,
    /// The small print at the end: "Gemaakt met zelfscan 0.1.0".
    pub made_with: fn(&str) -> String,
    /// Writing the report failed: the path and the system's reason.
    pub write_failed: fn(&str, &str) -> String,
    /// `--output` names the scan file itself.
    pub output_is_scan: fn(&str) -> String,

    // The report that opens with what to do, the weighting rule, the numeric
    // CSV columns.
    /// The decimal separator of numbers in reports.
    pub decimal_separator: char,
    /// CSV column header of a perspective's bare score: "Score Gemeenten (getal)".
    pub perspective_number: fn(&str) -> String,
    /// CSV column header of the joint answer's bare score.
    pub consensus_number: &'static str,
    /// The heading of the points of attention, most severe first.
    pub attention_by_severity: &'static str,
    /// What the ordering of the points of attention is.
    pub attention_order: &'static str,
    /// The heading of the actions of criteria that are no point of attention.
    pub other_actions: &'static str,
    /// The heading of the weighting rule and the theme scores.
    pub weighting_heading: &'static str,
    /// How theme scores and the total are formed.
    pub weighting_explained: &'static str,
    pub weight: &'static str,
    /// The column of a theme's score times its weight.
    pub weighted_score: &'static str,
    /// The total as a sum: weighted sum, sum of the weights, total.
    pub total_sum: fn(&str, &str, &str) -> String,
    /// The follow-up rule: total below, core theme below, critical criterion at most.
    pub follow_up_rule: fn(&str, &str, u8) -> String,
    /// The robust rule: total at least, core theme at least, every criterion
    /// above, critical criterion at least.
    pub robust_rule: fn(&str, &str, u8, u8) -> String,
    /// What neither rule gives.
    pub otherwise_rule: &'static str,
    /// The heading of every criterion in detail.
    pub details_heading: &'static str,
}

/// The words of the plain line-by-line mode (`zelfscan open --plain`): short
/// one-line prompts and confirmations for screen readers and scripts.
/// Progress, verdicts, reasons and the scale's own labels come from
/// [`Catalogue`] and the framework, so both interfaces word them identically.
pub struct PlainText {
    /// The first line: region, date and framework.
    pub scan_header: fn(&str, &str, &str) -> String,
    pub intro: &'static str,
    /// "Criterium 3 van 22: VIS-3 Titel (kritiek)".
    pub criterion_heading: fn(usize, usize, &str, &str, bool) -> String,
    pub theme_line: fn(&str, &str) -> String,
    pub questions_heading: &'static str,
    pub recorded_heading: &'static str,
    /// In place of an answer that is not given.
    pub no_answer: &'static str,
    /// A numbered choice with its label: "3 – Op orde".
    pub numbered: fn(u32, &str) -> String,
    /// A field and its value, as shown and as confirmed: "Gemeenten: 3 – Op orde".
    pub confirmed: fn(&str, &str) -> String,
    /// An empty line kept the field as it was.
    pub unchanged: fn(&str) -> String,
    /// Said as the value of a text that was wiped.
    pub cleared: &'static str,
    /// "Notitie Gemeenten".
    pub note_label: fn(&str) -> String,
    pub joint_note_label: &'static str,
    pub agreement_label: &'static str,
    pub action_label: &'static str,
    /// A perspective's or the joint score, with the scale's levels and their
    /// labels: ("Gemeenten", "1 Afwezig, 2 Beperkt, …, o Onbekend, x N.v.t.").
    pub prompt_score: fn(&str, &str) -> String,
    pub prompt_note: fn(&str) -> String,
    pub prompt_joint_note: &'static str,
    pub prompt_agreement: &'static str,
    pub prompt_action: &'static str,
    /// The next line of a note whose last line ended in a backslash.
    pub prompt_continue: &'static str,
    /// Nothing left to ask: only commands.
    pub prompt_command: &'static str,
    pub bad_score: fn(u8, u8) -> String,
    pub bad_agreement: &'static str,
    /// Answers that wipe a field.
    pub clear_words: &'static [&'static str],
    pub unknown_words: &'static [&'static str],
    pub not_applicable_words: &'static [&'static str],
    /// What may be typed for an agreement level, besides its number.
    pub agreement_words: fn(crate::model::Agreement) -> &'static [&'static str],
    /// What may be typed for a command; the first word is the one help shows first.
    pub command_words: fn(crate::vocab::PlainCommand) -> &'static [&'static str],
    pub command_help: fn(crate::vocab::PlainCommand) -> &'static str,
    pub help_intro: &'static str,
    /// How to answer: the lines after the scale in the help.
    pub help_answers: &'static [&'static str],
    pub unknown_command: &'static str,
    pub at_last_criterion: &'static str,
    pub go_to_needs_id: &'static str,
    /// No criterion with the typed id; some ids as examples.
    pub unknown_criterion: fn(&str, &str) -> String,
    pub skipped: fn(&str) -> String,
    /// A criterion's last field is done, with the progress in words.
    pub criterion_done: fn(&str, &str) -> String,
    pub at_end_hint: &'static str,
    /// Appending to the journal failed: the system's reason.
    pub journal_failed: fn(&str) -> String,
    /// Saving failed: the reason and where the journal keeps the work.
    pub save_failed: fn(&str, &str) -> String,
    /// The last line: where everything was saved.
    pub saved_and_closed: fn(&str) -> String,
    /// The last line when nothing was changed, so nothing was written.
    pub unchanged_and_closed: fn(&str) -> String,
    /// After the owner of a locked scan is named.
    pub locked_hint: &'static str,
    /// A scan from a newer zelfscan cannot be edited here.
    pub newer_refused: &'static str,
    /// `zelfscan` without a file on a dumb terminal.
    pub needs_file: &'static str,
    /// Reading the input or writing the output failed (the system's reason):
    /// the scan is saved all the same.
    pub input_failed: fn(&str) -> String,
}

/// Hostile or odd input (issue 8): capped problem lists, journals that were
/// stopped at an invalid record, hidden characters made visible, refused
/// command-line text.
pub struct InputText {
    /// After the first [`MAX_PROBLEMS_SHOWN`] problems: how many more there are.
    pub more_problems: fn(usize) -> String,
    /// A journal stopped at an invalid record: edits kept, the record's
    /// number, why, and where the journal was set aside.
    pub journal_rejected: fn(usize, usize, &str, &str) -> String,
    /// Why a journal record was refused.
    pub rejection: fn(&crate::model::gate::Rejection) -> String,
    /// A command-line text holding a control or hidden character: the option.
    pub argument_refused: fn(&str) -> String,
    /// The problem text: the field and how many characters were made visible.
    pub hidden_problem: fn(&str, usize) -> String,
    /// On opening such a scan: how many in all, and the `.bak` name the
    /// original bytes will be kept under when the next save cleans them.
    pub hidden_on_open: fn(usize, &str) -> String,
}

/// How many problems of one file are listed; the rest are counted, so a file
/// with 300,000 unknown keys gives a readable answer.
pub const MAX_PROBLEMS_SHOWN: usize = 20;

impl Catalogue {
    /// `file:line:column: message` for at most [`MAX_PROBLEMS_SHOWN`]
    /// problems, then one line saying how many more there are.
    pub fn located_problems(&self, file: &str, problems: &[Problem]) -> Vec<String> {
        let mut lines: Vec<String> = problems
            .iter()
            .take(MAX_PROBLEMS_SHOWN)
            .map(|problem| self.located_problem(file, problem))
            .collect();
        if problems.len() > MAX_PROBLEMS_SHOWN {
            lines.push((self.input.more_problems)(
                problems.len() - MAX_PROBLEMS_SHOWN,
            ));
        }
        lines
    }

    /// `file:line:column: message`, the form editors and `check` use.
    pub fn located_problem(&self, file: &str, problem: &Problem) -> String {
        let prefix = if problem.is_warning() {
            self.warning_prefix
        } else {
            self.error_prefix
        };
        format!(
            "{file}:{}:{}: {prefix}{}",
            problem.line,
            problem.column,
            (self.problem)(&problem.kind)
        )
    }
}

#[cfg(test)]
mod tests;
