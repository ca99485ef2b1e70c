//! The English texts: the second interface language of zelfscan, for
//! facilitators, not programmers. Terms follow `domain.md`: gemeenten are
//! municipalities, aanbieders are (care) providers, a vervolgtraject is a
//! follow-up, aandachtspunten are points of attention.

mod agenda;
mod input;
mod many;
mod plain;
mod report;

use super::Catalogue;
use crate::model::{
    AttentionPoint, AttentionReason, Framework, OverrideOutcome, Reason, RuleFlaw, Verdict,
};
use crate::storage::{InvalidReason, ProblemKind};
use crate::vocab::Help;

pub const EN: Catalogue = Catalogue {
    app_name: "zelfscan",
    problem,
    warning_prefix: "warning: ",
    error_prefix: "",
    tagline: "guided self-scan for youth-care regions",
    too_small: |width, height, min_width, min_height| {
        format!(
            "The window is too small ({width}×{height}). Make it at least {min_width}×{min_height} characters."
        )
    },
    progress: |answered, total| format!("{answered} of {total} answered"),
    unsaved: "● not saved",
    saved_at: |time| format!("saved at {time}"),
    no_changes: "no changes",
    start_title: "Welcome to zelfscan",
    start_intro: "Start a new scan or open an existing one. Choose with ↑/↓ and press Enter.",
    menu_new_scan: "Start a new scan",
    menu_open_path: "Open a scan (type a file name or path)",
    recent_heading: "Recently opened",
    folder_heading: |folder| format!("Scans in {folder}"),
    no_scans_yet: "No scans yet. Choose \"Start a new scan\" to begin.",
    scans_saved_in: |folder| format!("New scans are kept in {folder}"),
    new_scan_title: "New scan",
    form_region: "Region",
    form_date: "Date",
    form_facilitator: "Facilitator",
    form_note_taker: "Note-taker",
    form_framework: "Framework",
    form_participants: "Participants",
    form_participants_hint: |perspectives| {
        format!("One per line: name; organisation; perspective ({perspectives})")
    },
    form_file: "File",
    form_start_button: "Start scan",
    region_required: "Fill in the name of the region.",
    bad_date: |typed| format!("The date \"{typed}\" is not valid; write, for example, 2026-11-25."),
    bad_participant: |line, typed, options| {
        if options.is_empty() {
            format!("The participant on line {line} (\"{typed}\") has no name.")
        } else {
            format!(
                "Participant on line {line} (\"{typed}\"): give a perspective as the third part: {options}."
            )
        }
    },
    file_required: "Give a file name.",
    file_exists: |path| {
        format!(
            "{path} already exists. Choose another file name, or open that scan from the start screen."
        )
    },
    no_frameworks: "There is no framework available to start a scan with.",
    create_failed: |error| format!("The scan could not be created: {error}"),
    opened: |name| format!("{name} opened. Press ? for help."),
    opened_with_warnings: |name| format!("{name} opened, with remarks"),
    open_failed_title: |name| format!("{name} cannot be opened"),
    io_error,
    open_path_title: "Open a scan",
    open_path_help: "Type the path of the scan file and press Enter (Esc: back).",
    saved_to: |path| format!("Saved to {path}"),
    nothing_to_save: |path| format!("Nothing to save: everything is already in {path}"),
    save_failed: |error| {
        format!(
            "NOT saved: {error}. Everything is still on the screen; fix the problem and press Ctrl-S again."
        )
    },
    at_first_criterion: "This is the first criterion.",
    at_last_criterion: |parked| {
        if parked.is_empty() {
            "This is the last criterion. Press u for the next unanswered criterion.".to_string()
        } else {
            format!("Last criterion. In the parking lot: {parked}. Press u to go through them.")
        }
    },
    only_this_unanswered: "Only this criterion is still unanswered.",
    all_answered: "All criteria have been answered.",
    not_on_scale: |value, low, high| {
        format!(
            "Score {value} is not on this scale; choose {low} to {high}, o (unknown) or x (n/a)."
        )
    },
    choose_score_field: "Use Tab or ↑/↓ to go to a score field, then choose a score.",
    navigator_title: " Criteria ",
    navigator_title_active: " Go to: type id or title ",
    goto_prompt: " Go to: ",
    critical: "critical",
    joint_answer_rule: "joint answer",
    no_consensus_counts_lowest: "lowest score counts",
    read_only_refused: "Read only: this scan is open elsewhere. Open a copy to make changes.",
    label_note: "note",
    label_consensus: "Joint",
    label_agreement: "agreement",
    label_consensus_note: "explanation",
    label_action: "action",
    empty_note: "(empty; Enter to type)",
    unknown_short: "unkn.",
    not_applicable_short: "n/a",
    unsaved_title: "Unsaved changes",
    confirm_quit: "Some changes have not been saved yet. Save before you quit?",
    confirm_leave: "Some changes have not been saved yet. Save before you go to the start screen?",
    answer_save: "save",
    confirm_save_key: "y",
    answer_discard: "don't save",
    answer_stay: "back",
    press_enter_to_close: "Enter or Esc: close",
    press_esc_to_close_help: "Esc, ? or Enter: close help",
    help_title: "Help and shortcuts",
    help_walkthrough_intro: "For each criterion: read out the description and guiding questions, choose a score for each perspective and note their explanation; then agree on the joint answer, how far the group agrees, and an action if needed. Save the file with Ctrl-S. With the mouse you can also click a criterion in the list, a score or a note.",
    help_marks_heading: "Marks in the list of criteria",
    help_scale_heading: "The answer scale",
    status_open: "open",
    status_answered: "partly filled in",
    status_consensus: "joint answer",
    status_no_consensus: "no consensus",
    status_skipped: "parked",
    unknown_framework: |wanted, known| {
        format!(
            "framework '{wanted}' not found; choose one of: {known}, or give the path of a framework file"
        )
    },
    framework_id_clash: |id, sources| {
        format!(
            "there are several frameworks with id '{id}': {sources}; give your own framework an id of its own (and choose it by that id or by the file's path)"
        )
    },
    framework_id_taken: |id, bundled| {
        format!(
            "id '{id}' is already the id of the bundled framework {bundled}; give this framework an id of its own, or no one can tell which framework a scan uses"
        )
    },
    created_at: |path| format!("Scan created: {path}"),
    frameworks_header: "id\tversion\ttitle\tsource",
    framework_bundled: "bundled",
    frameworks_folder: |folder| format!("Your own frameworks: put a .toml file in {folder}"),
    check_ok: |file| format!("{file}: OK"),
    help_more_below: "↓/PgDn: read on · Esc: close",
    more_above: "↑more",
    more_below: "↓more",
    help_start_intro: "zelfscan guides a workshop of municipalities and care providers through the criteria of a framework. Start a new scan for a region, or open a scan to continue; everything is kept in a readable TOML file.",
    help_form_intro: "Fill in the details of the session. Only the region is required; you can add the rest to the file later. Tab goes to the next field; at the bottom, choose \"Start scan\".",
    verdict,
    number,
    reason,
    attention,
    override_outcome,
    incomplete: |answered, total| {
        format!(
            "Note: this scan is not finished yet ({answered} of {total} criteria answered). The verdict is provisional."
        )
    },
    summary_title: "Overview and verdict",
    summary_verdict: "Verdict:",
    summary_computed: "Computed verdict:",
    summary_why: "Why",
    summary_themes: "Theme",
    summary_total: "Total score (weighted):",
    summary_attention: "Points of attention",
    summary_no_attention: "No points of attention.",
    summary_unanswered: "Not answered yet",
    override_title: "Adjust the verdict",
    override_intro: "The facilitator may move the computed verdict by one level, with a written rationale. The rationale appears in every report.",
    override_keep: |computed| format!("Keep the computed verdict ({})", verdict(computed)),
    override_rationale: "Rationale",
    override_confirm: "Confirm",
    override_needs_rationale: "Write a rationale first: why does the verdict differ?",
    help_summary_intro: "The overview shows the verdict that follows from the weighting framework, with the reasons, the scores per theme (per perspective and joint) and the points of attention. Choose a point of attention or an open criterion and press Enter to go there.",
    journal_failed: |error| format!("not kept: {error}. Everything is on the screen; w = save as"),
    owner_description: |user, host, pid, since| {
        let user = if user.is_empty() { "someone" } else { user };
        let host = if host.is_empty() {
            String::new()
        } else {
            format!(" on {host}")
        };
        let since = since
            .parse::<jiff::Timestamp>()
            .map(|at| {
                at.to_zoned_datetime(jiff::tz::TimeZone::system())
                    .strftime(" since %Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_default();
        format!("{user}{host}{since} (process {pid})")
    },
    recovered: |edits, when| {
        let when = when.map_or_else(String::new, |when| format!(" (last change: {when})"));
        format!(
            "{edits} change(s) that were not yet in the file have been restored from the recovery file\
             {when}. Check them; zelfscan will save them automatically in a moment."
        )
    },
    journal_set_aside: |edits, kept| {
        format!(
            "There was a recovery file with {edits} change(s), but the scan file has been changed \
         elsewhere since. The recovery file was not applied and has been kept unchanged as {kept}."
        )
    },
    recovered_title: "Work restored",
    copy_suffix: "copy",
    conflict_suffix: "conflict",
    conflict_title: "File changed elsewhere",
    conflict_explained: |original, copy| {
        format!(
            "{original} has been changed by someone else since it was opened. That version has not \
         been overwritten; your work is in {copy}, and zelfscan carries on there. Compare the two \
         files after the session."
        )
    },
    locked_title: "Scan is already open",
    locked_explained: |owner| {
        format!(
            "This scan is open by {owner}. Two people working in one file at the same time can \
         overwrite each other's work."
        )
    },
    locked_read_only: "read only",
    locked_copy: "open a copy and work in that",
    save_as_title: "Save as",
    save_as_help: "Type a new file name and press Enter (Esc: back).",
    read_only_badge: "READ ONLY",
    panic_data_safe: |scan, journal| {
        format!(
            "zelfscan stopped unexpectedly, but your work is safe: everything that was on the screen \
         is in {journal}. Open {scan} again and zelfscan will restore it."
        )
    },
    made_by_newer: "This scan was made by a newer zelfscan. You can look at it (read only); carry on in the newer version.",
    search_title: "Search",
    search_help: "Type one or more words; ↑/↓ chooses, Enter goes to the criterion.",
    search_count: |count| match count {
        0 => "nothing found".to_string(),
        1 => "1 criterion found".to_string(),
        n => format!("{n} criteria found"),
    },
    search_place,
    summary_parked: "Parking lot",
    projector_hint: "n next · p previous · s scores · Esc back",
    projector_no_answer: "–",
    help_projector_intro: "The projector view shows only the current criterion, large and high-contrast, for the whole room. Press s to show the recorded scores and notes; a note made private with v (p) never appears on the projector.",
    not_saved_badge: "⚠ NOT saved",
    setting_problem: |problem| {
        use crate::config::SettingProblem;
        match problem {
            SettingProblem::Syntax {
                line,
                column,
                detail,
            } => {
                format!("line {line}, column {column}: not valid TOML: {detail}")
            }
            SettingProblem::UnknownKey(key) => format!("'{key}' is not a zelfscan setting"),
            SettingProblem::BadValue { key, allowed } => format!("'{key}': choose {allowed}"),
            SettingProblem::NotText(key) => format!("'{key}' must be text (in quotes)"),
        }
    },
    settings_title: |path| format!("Settings in {path}: defaults used"),
    settings_file_line: |path, exists| {
        if exists {
            format!("Settings: {path}")
        } else {
            format!("Settings: {path} (does not exist yet; defaults)")
        }
    },
    settings_from_file: "from the file",
    settings_default: "default",
    settings_labels: [
        "language",
        "theme",
        "facilitator",
        "default framework",
        "scans folder",
        "own frameworks",
        "minutes per criterion",
        "minutes for the session",
        "clock",
    ],
    settings_session_from_plan: "the sum of the planned time",
    clock_criterion: |time, over| {
        if over {
            format!("⏱ +{time} over time")
        } else {
            format!("⏱ {time} left")
        }
    },
    clock_session: |time, over| {
        if over {
            format!("session +{time} over time")
        } else {
            format!("session {time} left")
        }
    },
    clock_behind: |minutes| format!("behind schedule: {minutes} min"),
    clock_minutes: |minutes| format!("{minutes} min"),
    progress_short: |answered, total| format!("{answered}/{total} answered"),
    clock_setting: |on| if on { "on" } else { "off" },
    agenda_title: "Time plan: planned and used",
    agenda_planned: "planned",
    agenda_used: "used",
    agenda_total: "all criteria",
    agenda_session: "session",
    theme_name: |theme| match theme {
        crate::config::ThemeName::Dark => "dark",
        crate::config::ThemeName::Light => "light",
        crate::config::ThemeName::HighContrast => "high contrast",
    },
    private_mark: "(p)",
    choose_note_field: "Tab to a note to make it private.",
    help_short,
    help_long,
    report: report::REPORT,
    plain: plain::PLAIN,
    many: many::MANY,
    input: input::INPUT,
    agenda: agenda::AGENDA,
};

fn problem(kind: &ProblemKind) -> String {
    match kind {
        ProblemKind::Empty => "the file is empty".to_string(),
        ProblemKind::NotUtf8 { byte_offset } => format!(
            "the file is not valid UTF-8 text (invalid byte at position {byte_offset}); \
             save it as UTF-8"
        ),
        ProblemKind::Syntax { detail } => format!("not valid TOML: {detail}"),
        ProblemKind::MissingKey { key } => format!("'{key}' is missing"),
        ProblemKind::WrongType {
            key,
            expected,
            found,
        } => format!(
            "'{key}' must be {}, but is {}",
            type_name(expected),
            type_name(found)
        ),
        ProblemKind::InvalidValue { key, value, reason } => {
            format!("'{key}' = {value}: {}", invalid_reason(reason))
        }
        ProblemKind::DuplicateId { id, first_line } => {
            format!("'{id}' appears twice (first on line {first_line})")
        }
        ProblemKind::UnknownCriterion { id } => {
            format!(
                "an answer for '{id}', but the framework of this scan has no criterion with that code"
            )
        }
        ProblemKind::UnknownPerspective { id } => {
            format!("'{id}' is not a perspective of the framework of this scan")
        }
        ProblemKind::HiddenCharacters { key, count } => (input::INPUT.hidden_problem)(key, *count),
        ProblemKind::UnknownKey { key } => {
            format!(
                "'{key}' is unknown to this version of zelfscan and will be lost when you save the scan"
            )
        }
        ProblemKind::NewerSchema { found, supported } => format!(
            "made by a newer zelfscan (schema_version {found}; this version knows up to {supported})"
        ),
        ProblemKind::UnworkableRule { flaw } => rule_flaw(flaw),
        ProblemKind::UnknownFileKind => {
            "this is neither a scan nor a framework: 'region' or 'themes' is missing".to_string()
        }
    }
}

/// The values in quotes are the words of the file format, which stay as they
/// are in every interface language.
/// Why a framework's weighting rule cannot work.
fn rule_flaw(flaw: &RuleFlaw) -> String {
    match flaw {
        RuleFlaw::ScaleNotConsecutive { values } => format!(
            "the scale has a gap ({}): theme scores are means and thresholds are distances on the scale, so the values must be consecutive (1, 2, 3, …)",
            values
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        RuleFlaw::ThemeWithoutWeight { theme_id } => format!(
            "theme {theme_id} has no weight in [weighting.theme_weights]; give every theme a weight (0 if it must not count)"
        ),
        RuleFlaw::RobustUnreachable {
            key,
            value,
            highest,
        } => format!(
            "'{key} = {value}' can never be met on a scale up to {highest}: the verdict robust is unreachable"
        ),
        RuleFlaw::FollowUpAlways {
            key,
            value,
            highest,
        } => format!(
            "'{key} = {value}' holds for every score on a scale up to {highest}: every scan would need a follow-up"
        ),
    }
}

fn invalid_reason(reason: &InvalidReason) -> &'static str {
    match reason {
        InvalidReason::BadId => "a code may contain only letters, digits, '-' and '_'",
        InvalidReason::NotOnScale => {
            "not a value of the answer scale (use a score on the scale, \"onbekend\" for unknown or \"nvt\" for not applicable)"
        }
        InvalidReason::BadDate => "not a valid date; write, for example, \"2026-11-25\"",
        InvalidReason::BadTimestamp => {
            "not a valid time; write, for example, \"2026-11-25T10:12:03Z\""
        }
        InvalidReason::BadAgreement => {
            "choose \"consensus\", \"voorbehoud\" (with reservation) or \"geen_consensus\" (no consensus)"
        }
        InvalidReason::ScaleOutOfRange => "scale values run from 1 to 9",
        InvalidReason::EmptyList => "this list must not be empty",
        InvalidReason::BadVerdict => {
            "choose \"robuust\" (robust), \"robuust_met_aandachtspunten\" (robust with points of attention) or \"vervolgtraject\" (follow-up needed)"
        }
        InvalidReason::EmptyRationale => "an adjusted verdict needs a written rationale",
        InvalidReason::BadNumber => "not a usable number",
        InvalidReason::UnknownTheme => "this framework has no theme with that code",
        InvalidReason::ReservedId => {
            "this code is the name of a field of an answer; choose another code"
        }
        InvalidReason::ControlCharacter => {
            "the text contains a control character (such as ESC); remove it, only tab and line break are allowed"
        }
        InvalidReason::MissingAgreementLevel => {
            "define \"consensus\", \"voorbehoud\" and \"geen_consensus\" once each"
        }
        InvalidReason::BadActionStatus => {
            "choose open, lopend (under way), klaar (done) or vervallen (dropped)"
        }
    }
}

/// TOML type names in plain English, with their article.
fn type_name(toml_type: &str) -> &str {
    match toml_type {
        "string" => "text",
        "integer" => "a whole number",
        "float" => "a number",
        "boolean" => "true or false",
        "datetime" => "a date/time",
        "date" => "a date",
        "array" => "a list",
        "table" => "a table",
        other => other,
    }
}

fn io_error(error: &std::io::Error) -> String {
    use crate::storage::input::{Refused, refusal};
    use std::io::ErrorKind;
    if let Some(refused) = refusal(error) {
        let only = "zelfscan only reads and replaces regular files";
        return match refused {
            Refused::Directory => "this is a folder, not a file".to_string(),
            Refused::Fifo => format!("this is a named pipe (FIFO), not a regular file; {only}"),
            Refused::Socket => format!("this is a socket, not a regular file; {only}"),
            Refused::Device => {
                format!("this is a device (such as /dev/zero), not a regular file; {only}")
            }
            Refused::NotRegular => format!("this is not a regular file; {only}"),
            Refused::TooLarge { limit } => format!(
                "the file is larger than {} MB, the most zelfscan reads",
                limit / (1024 * 1024)
            ),
        };
    }
    match error.kind() {
        ErrorKind::NotFound => "the file does not exist".to_string(),
        ErrorKind::PermissionDenied => "no permission for this file or folder".to_string(),
        ErrorKind::IsADirectory => "this is a folder, not a file".to_string(),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "the disk is full".to_string(),
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_string(),
        ErrorKind::AlreadyExists => "that file already exists".to_string(),
        _ => error.to_string(),
    }
}

/// The few words in the hint bar.
fn help_short(help: Help) -> &'static str {
    match help {
        Help::Quit => "quit",
        Help::Help => "help",
        Help::Close => "back",
        Help::Save => "save",
        Help::Move => "choose",
        Help::Choose => "open",
        Help::NewScan => "new scan",
        Help::OpenByPath => "open by path",
        Help::NextField => "next field",
        Help::PrevField => "previous field",
        Help::ChangeChoice => "change",
        Help::NextCriterion => "next",
        Help::PrevCriterion => "previous",
        Help::NextUnanswered => "unanswered",
        Help::Skip => "park",
        Help::Navigator => "go to",
        Help::Score => "score",
        Help::Unknown => "unknown",
        Help::NotApplicable => "n/a",
        Help::ClearAnswer => "clear",
        Help::EditNote => "type",
        Help::StopEditing => "done",
        Help::NewLine => "new line",
        Help::MoveCursor => "cursor",
        Help::WordJump => "by word",
        Help::RowStartEnd => "start/end",
        Help::DeleteText => "delete",
        Help::CloseScan => "start screen",
        Help::Jump => "go to",
        Help::SaveAndQuit => "save",
        Help::DiscardAndQuit => "don't save",
        Help::Stay => "back",
        Help::StartScanOrNext => "continue",
        Help::Scroll => "scroll",
        Help::Summary => "verdict",
        Help::BackToCriteria => "criteria",
        Help::OpenCriterion => "to criterion",
        Help::OverrideVerdict => "adjust verdict",
        Help::ChooseVerdict => "choose",
        Help::ConfirmOverride => "confirm",
        Help::Cancel => "cancel",
        Help::SaveAs => "save as",
        Help::Search => "search",
        Help::Projector => "projector",
        Help::ToggleScores => "show/hide scores",
        Help::TogglePrivate => "private",
        Help::ReadOnly => "read only",
        Help::WorkOnCopy => "copy",
        Help::Agenda => "time plan",
        Help::Conflicts => "conflicts",
        Help::Previous => "last time",
        Help::OverviewView => "table/heatmap/spread",
        Help::CombineNotes => "combine notes",
        Help::SetAgreement => "agreement",
        Help::Actions
        | Help::AddAction
        | Help::RemoveAction
        | Help::SortActions
        | Help::ActionsBack => agenda::help_short(help),
    }
}

/// The full sentence in the help overlay.
fn help_long(help: Help) -> &'static str {
    match help {
        Help::Quit => "quit zelfscan (asks first if there is unsaved work)",
        Help::Help => "show this help",
        Help::Close => "close and go back",
        Help::Save => "save the scan",
        Help::Move => "up / down in the list",
        Help::Choose => "open the chosen item",
        Help::NewScan => "start a new scan",
        Help::OpenByPath => "open a scan by typing its path",
        Help::NextField => "go to the next field",
        Help::PrevField => "go to the previous field",
        Help::ChangeChoice => "change the choice in the field",
        Help::NextCriterion => "go to the next criterion",
        Help::PrevCriterion => "go to the previous criterion",
        Help::NextUnanswered => "go to the next criterion without an answer",
        Help::Skip => {
            "park this criterion to come back to it later (u goes through what is open or parked)"
        }
        Help::Navigator => {
            "go to a criterion: type an id (VIS-2) or part of its title, Enter jumps there"
        }
        Help::Score => "choose a score in a score field (or 1–3 for agreement)",
        Help::Unknown => "answer \"unknown\" (does not count)",
        Help::NotApplicable => "answer \"not applicable\" (does not count)",
        Help::ClearAnswer => "clear the answer in this field",
        Help::EditNote => "type in the note (in a text field)",
        Help::StopEditing => "finish typing",
        Help::NewLine => "new line",
        Help::MoveCursor => "move the cursor",
        Help::WordJump => "one word forward or back",
        Help::RowStartEnd => "to the start or end of the line",
        Help::DeleteText => "delete a character",
        Help::CloseScan => "back to the start screen",
        Help::Jump => "go to the chosen criterion",
        Help::SaveAndQuit => "save and continue",
        Help::DiscardAndQuit => "don't save and continue",
        Help::Stay => "go back, do nothing",
        Help::StartScanOrNext => "go to the next field, or start the scan",
        Help::Scroll => "scroll through the help",
        Help::Summary => "show the overview with verdict, theme scores and points of attention",
        Help::BackToCriteria => "back to the criteria",
        Help::OpenCriterion => "go to the chosen criterion",
        Help::OverrideVerdict => "move the verdict by one level, with a rationale",
        Help::ChooseVerdict => "choose a verdict",
        Help::ConfirmOverride => "record the adjustment",
        Help::Cancel => "cancel without changing anything",
        Help::SaveAs => "save under another name (e.g. when the disk is full)",
        Help::Search => "search titles, descriptions, guiding questions and notes",
        Help::Projector => "projector view: only the criterion, large and high-contrast",
        Help::ToggleScores => {
            "show or hide the recorded scores and notes on the projector (never private notes)"
        }
        Help::TogglePrivate => {
            "make a note private (p): never on the projector; still in the file and the reports"
        }
        Help::ReadOnly => "view the scan without changing anything",
        Help::WorkOnCopy => "make a copy and carry on working in it",
        Help::Agenda => "the time plan: planned and used time per theme and criterion",
        Help::Conflicts => "the merge conflicts of this criterion: choose a value",
        Help::Previous => {
            "the previous scan of this region on this criterion: score, agreement, note, actions and the change"
        }
        Help::OverviewView => {
            "switch between the table, the heatmap of criteria by region and median and spread"
        }
        Help::CombineNotes => "combine all notes of the conflict",
        Help::SetAgreement => {
            "choose the level of agreement (1 consensus, 2 with reservations, 3 no consensus)"
        }
        Help::Actions
        | Help::AddAction
        | Help::RemoveAction
        | Help::SortActions
        | Help::ActionsBack => agenda::help_long(help),
    }
}

fn verdict(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Robust => "Robust",
        Verdict::RobustWithAttention => "Robust with points of attention",
        Verdict::FollowUp => "Follow-up needed",
    }
}

/// Two decimals with a decimal point, so 2.46 never reads as 2.5 against a
/// threshold of 2.5.
fn number(value: f64) -> String {
    super::two_decimals(value, '.')
}

fn reason(reason: &Reason, framework: &Framework) -> String {
    // The value and the threshold, with as many decimals as it takes to stay true.
    let (value, limit) = super::reason_numbers(reason, '.');
    match reason {
        Reason::TotalBelow { .. } => {
            format!("the total score {} is lower than {}", value, limit)
        }
        Reason::TotalAtLeast { .. } => {
            format!("the total score {} is at least {}", value, limit)
        }
        Reason::TotalMissing => {
            "no theme with a weight has a score, so there is no total score".to_string()
        }
        Reason::CoreThemeBelow { theme_id, .. } => format!(
            "core theme {} scores {}, lower than {}",
            framework.theme_name(theme_id),
            value,
            limit
        ),
        Reason::CoreThemeAtLeast { theme_id, .. } => format!(
            "core theme {} scores {}, at least {}",
            framework.theme_name(theme_id),
            value,
            limit
        ),
        Reason::CoreThemeUnscored { theme_id } => format!(
            "core theme {} has no score yet",
            framework.theme_name(theme_id)
        ),
        Reason::CriterionAtMost {
            criterion_id,
            score,
            threshold,
        } => format!(
            "criterion {} scores {score}; robust requires every criterion to score more than {threshold}",
            framework.criterion_name(criterion_id)
        ),
        Reason::EveryCriterionAbove { lowest, threshold } => {
            format!("every criterion scores more than {threshold} (lowest score: {lowest})")
        }
        Reason::CriticalCriterionAtMost {
            criterion_id,
            score,
            threshold,
        } => format!(
            "critical criterion {} scores {score} ({threshold} or lower means a follow-up is needed)",
            framework.criterion_name(criterion_id)
        ),
        Reason::CriticalCriterionBelow {
            criterion_id,
            score,
            threshold,
        } => format!(
            "critical criterion {} scores {score}; robust requires at least {threshold}",
            framework.criterion_name(criterion_id)
        ),
        Reason::CriticalCriterionAtLeast {
            criterion_id,
            score,
            threshold,
        } => format!(
            "critical criterion {} scores {score}, at least {threshold}",
            framework.criterion_name(criterion_id)
        ),
        Reason::CriticalCriterionUnscored { criterion_id } => format!(
            "critical criterion {} has no score yet",
            framework.criterion_name(criterion_id)
        ),
        Reason::NothingScored => {
            "nothing has been scored yet, so the verdict does not mean anything yet".to_string()
        }
    }
}

fn attention(point: &AttentionPoint, framework: &Framework) -> String {
    match point {
        AttentionPoint::Criterion {
            criterion_id,
            reasons,
            ..
        } => {
            let why: Vec<String> = reasons
                .iter()
                .map(|reason| match reason {
                    AttentionReason::LowScore { score, .. } => format!("scores {score}"),
                    AttentionReason::NoConsensus => "no consensus".to_string(),
                    AttentionReason::PerspectiveGap { first, second, gap } => format!(
                        "{} {} and {} {} differ by {gap} points",
                        framework.perspective_label(&first.perspective_id),
                        first.score,
                        framework
                            .perspective_label(&second.perspective_id)
                            .to_lowercase(),
                        second.score
                    ),
                })
                .collect();
            format!(
                "{}: {}",
                framework.criterion_name(criterion_id),
                why.join("; ")
            )
        }
        AttentionPoint::ThemeUnknownShare {
            theme_id,
            unknown,
            criteria,
            share_above,
        } => format!(
            "{}: {unknown} of the {criteria} criteria unknown (more than {}/{})",
            framework.theme_name(theme_id),
            share_above.0,
            share_above.1
        ),
    }
}

fn override_outcome(outcome: &OverrideOutcome) -> String {
    match outcome {
        OverrideOutcome::Applied { to, rationale } => format!(
            "The facilitator adjusted the verdict to \"{}\". Rationale: {rationale}",
            verdict(*to)
        ),
        OverrideOutcome::SameAsComputed { rationale } => {
            format!("The facilitator confirms the computed verdict. Rationale: {rationale}")
        }
        OverrideOutcome::TooFar { wanted, rationale } => format!(
            "The adjusted verdict \"{}\" is now more than one level away from the computed \
             verdict and therefore does not count; adjust it again. The rationale was: {rationale}",
            verdict(*wanted)
        ),
    }
}

fn search_place(place: &crate::model::search::Place) -> String {
    use crate::model::search::Place;
    match place {
        Place::Title => "title".to_string(),
        Place::Description => "description".to_string(),
        Place::Question => "guiding question".to_string(),
        Place::Note(perspective) => format!("note {}", perspective.to_lowercase()),
        Place::ConsensusNote => "explanation".to_string(),
        Place::Action => "action".to_string(),
    }
}
