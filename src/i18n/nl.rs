//! De Nederlandse teksten: de standaardtaal van zelfscan.

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

pub const NL: Catalogue = Catalogue {
    app_name: "zelfscan",
    problem,
    warning_prefix: "waarschuwing: ",
    error_prefix: "",
    tagline: "begeleide zelfscan voor jeugdhulpregio's",
    too_small: |width, height, min_width, min_height| {
        format!(
            "Het venster is te klein ({width}×{height}). Maak het minstens {min_width}×{min_height} tekens groot."
        )
    },
    progress: |answered, total| format!("{answered} van {total} beantwoord"),
    unsaved: "● niet opgeslagen",
    saved_at: |time| format!("opgeslagen om {time}"),
    no_changes: "geen wijzigingen",
    start_title: "Welkom bij zelfscan",
    start_intro: "Start een nieuwe scan of open een bestaande. Kies met ↑/↓ en druk Enter.",
    menu_new_scan: "Nieuwe scan starten",
    menu_open_path: "Scan openen (bestandsnaam of pad typen)",
    recent_heading: "Recent geopend",
    folder_heading: |folder| format!("Scans in {folder}"),
    no_scans_yet: "Nog geen scans. Kies \"Nieuwe scan starten\" om te beginnen.",
    scans_saved_in: |folder| format!("Nieuwe scans worden bewaard in {folder}"),
    new_scan_title: "Nieuwe scan",
    form_region: "Regio",
    form_date: "Datum",
    form_facilitator: "Gespreksleider",
    form_note_taker: "Notulist",
    form_framework: "Kader",
    form_participants: "Deelnemers",
    form_participants_hint: |perspectives| {
        format!("Eén per regel: naam; organisatie; perspectief ({perspectives})")
    },
    form_file: "Bestand",
    form_start_button: "Scan starten",
    region_required: "Vul de naam van de regio in.",
    bad_date: |typed| format!("De datum \"{typed}\" klopt niet; schrijf bijvoorbeeld 2026-11-25."),
    bad_participant: |line, typed, options| {
        if options.is_empty() {
            format!("Deelnemer op regel {line} (\"{typed}\") heeft geen naam.")
        } else {
            format!(
                "Deelnemer op regel {line} (\"{typed}\"): geef als derde deel een perspectief: {options}."
            )
        }
    },
    file_required: "Geef een bestandsnaam op.",
    file_exists: |path| {
        format!(
            "{path} bestaat al. Kies een andere bestandsnaam, of open die scan vanaf het startscherm."
        )
    },
    no_frameworks: "Er is geen kader beschikbaar om een scan mee te starten.",
    create_failed: |error| format!("De scan kon niet worden aangemaakt: {error}"),
    opened: |name| format!("{name} geopend. Druk ? voor hulp."),
    opened_with_warnings: |name| format!("{name} geopend, met opmerkingen"),
    open_failed_title: |name| format!("{name} kan niet worden geopend"),
    io_error,
    open_path_title: "Scan openen",
    open_path_help: "Typ het pad van het scanbestand en druk Enter (Esc: terug).",
    saved_to: |path| format!("Opgeslagen in {path}"),
    nothing_to_save: |path| format!("Niets te bewaren: alles staat al in {path}"),
    save_failed: |error| {
        format!(
            "NIET opgeslagen: {error}. Alles staat nog op het scherm; los het op en druk opnieuw Ctrl-S."
        )
    },
    at_first_criterion: "Dit is het eerste criterium.",
    at_last_criterion: |parked| {
        if parked.is_empty() {
            "Dit is het laatste criterium. Druk u voor het eerstvolgende onbeantwoorde criterium."
                .to_string()
        } else {
            format!("Laatste criterium. Op de parkeerplaats: {parked}. Druk u om ze langs te gaan.")
        }
    },
    only_this_unanswered: "Alleen dit criterium is nog niet beantwoord.",
    all_answered: "Alle criteria zijn beantwoord.",
    not_on_scale: |value, low, high| {
        format!(
            "Score {value} bestaat niet op deze schaal; kies {low} t/m {high}, o (onbekend) of x (n.v.t.)."
        )
    },
    choose_score_field: "Ga met Tab of ↑/↓ naar een scoreveld om een score te kiezen.",
    navigator_title: " Criteria ",
    navigator_title_active: " Ga naar: typ id of titel ",
    goto_prompt: " Ga naar: ",
    critical: "kritiek",
    joint_answer_rule: "gezamenlijk antwoord",
    no_consensus_counts_lowest: "laagste score telt",
    read_only_refused: "Alleen lezen: deze scan is elders geopend. Open een kopie om te wijzigen.",
    label_note: "notitie",
    label_consensus: "Gezamenlijk",
    label_agreement: "overeenstemming",
    label_consensus_note: "toelichting",
    label_action: "actie",
    empty_note: "(leeg; Enter om te typen)",
    unknown_short: "onb.",
    not_applicable_short: "n.v.t.",
    unsaved_title: "Niet opgeslagen wijzigingen",
    confirm_quit: "Er zijn wijzigingen die nog niet zijn opgeslagen. Opslaan voor je afsluit?",
    confirm_leave: "Er zijn wijzigingen die nog niet zijn opgeslagen. Opslaan voor je naar het startscherm gaat?",
    answer_save: "opslaan",
    confirm_save_key: "j",
    answer_discard: "niet opslaan",
    answer_stay: "terug",
    press_enter_to_close: "Enter of Esc: sluiten",
    press_esc_to_close_help: "Esc, ? of Enter: hulp sluiten",
    help_title: "Hulp en sneltoetsen",
    help_walkthrough_intro: "Per criterium: lees de beschrijving en hulpvragen voor, kies per perspectief een score en noteer hun toelichting; spreek daarna het gezamenlijke antwoord af, hoe eens de groep het is, en eventueel een actie. Het bestand bewaar je met Ctrl-S. Met de muis kun je ook een criterium in de lijst, een score of een notitie aanklikken.",
    help_marks_heading: "Tekens in de lijst met criteria",
    help_scale_heading: "De antwoordschaal",
    status_open: "open",
    status_answered: "deels ingevuld",
    status_consensus: "gezamenlijk antwoord",
    status_no_consensus: "geen consensus",
    status_skipped: "geparkeerd",
    unknown_framework: |wanted, known| {
        format!(
            "kader '{wanted}' niet gevonden; kies een van: {known}, of geef het pad van een kaderbestand"
        )
    },
    framework_id_clash: |id, sources| {
        format!(
            "er zijn meerdere kaders met id '{id}': {sources}; geef je eigen kader een eigen id (en kies het daarmee of met het pad van het bestand)"
        )
    },
    framework_id_taken: |id, bundled| {
        format!(
            "id '{id}' is al het id van het meegeleverde kader {bundled}; geef dit kader een eigen id, anders is niet te zeggen welk kader een scan gebruikt"
        )
    },
    created_at: |path| format!("Scan aangemaakt: {path}"),
    frameworks_header: "id\tversie\ttitel\tbron",
    framework_bundled: "meegeleverd",
    frameworks_folder: |folder| format!("Eigen kaders: zet een .toml-bestand in {folder}"),
    check_ok: |file| format!("{file}: in orde"),
    help_more_below: "↓/PgDn: verder lezen · Esc: sluiten",
    more_above: "↑meer",
    more_below: "↓meer",
    help_start_intro: "zelfscan begeleidt een werksessie van gemeenten en aanbieders langs de criteria van een kader. Start een nieuwe scan voor een regio, of open een scan om verder te gaan; alles wordt bewaard in een leesbaar TOML-bestand.",
    help_form_intro: "Vul de gegevens van de sessie in. Alleen de regio is verplicht; de rest kun je later aanvullen in het bestand. Met Tab ga je naar het volgende veld; kies onderaan \"Scan starten\".",
    verdict,
    number,
    reason,
    attention,
    override_outcome,
    incomplete: |answered, total| {
        format!(
            "Let op: deze scan is nog niet af ({answered} van {total} criteria beantwoord). Het oordeel is voorlopig."
        )
    },
    summary_title: "Overzicht en oordeel",
    summary_verdict: "Oordeel:",
    summary_computed: "Berekend oordeel:",
    summary_why: "Waarom",
    summary_themes: "Thema",
    summary_total: "Totaalscore (gewogen):",
    summary_attention: "Aandachtspunten",
    summary_no_attention: "Geen aandachtspunten.",
    summary_unanswered: "Nog niet beantwoord",
    override_title: "Oordeel aanpassen",
    override_intro: "De gespreksleider mag het berekende oordeel één niveau aanpassen, met een geschreven toelichting. Die staat in elk rapport.",
    override_keep: |computed| format!("Berekend oordeel laten staan ({})", verdict(computed)),
    override_rationale: "Toelichting",
    override_confirm: "Vastleggen",
    override_needs_rationale: "Schrijf eerst een toelichting: waarom wijkt het oordeel af?",
    help_summary_intro: "Het overzicht toont het oordeel dat volgt uit het wegingskader, met de redenen, de scores per thema (per perspectief en gezamenlijk) en de aandachtspunten. Kies een aandachtspunt of open criterium en druk Enter om ernaartoe te gaan.",
    journal_failed: |error| {
        format!("niet bewaard: {error}. Alles staat op het scherm; w = opslaan als")
    },
    owner_description: |user, host, pid, since| {
        let user = if user.is_empty() { "iemand" } else { user };
        let host = if host.is_empty() {
            String::new()
        } else {
            format!(" op {host}")
        };
        let since = since
            .parse::<jiff::Timestamp>()
            .map(|at| {
                at.to_zoned_datetime(jiff::tz::TimeZone::system())
                    .strftime(" sinds %d-%m-%Y %H:%M")
                    .to_string()
            })
            .unwrap_or_default();
        format!("{user}{host}{since} (proces {pid})")
    },
    recovered: |edits, when| {
        let when = when.map_or_else(String::new, |when| format!(" (laatste wijziging: {when})"));
        format!(
            "{edits} wijziging(en) die nog niet in het bestand stonden zijn hersteld uit het herstelbestand\
             {when}. Controleer ze; zelfscan slaat ze zo dadelijk automatisch op."
        )
    },
    journal_set_aside: |edits, kept| {
        format!(
            "Er was een herstelbestand met {edits} wijziging(en), maar het bestand is sindsdien elders \
         gewijzigd. Het herstelbestand is niet toegepast en ongewijzigd bewaard als {kept}."
        )
    },
    recovered_title: "Werk hersteld",
    copy_suffix: "kopie",
    conflict_suffix: "conflict",
    conflict_title: "Bestand elders gewijzigd",
    conflict_explained: |original, copy| {
        format!(
            "{original} is sinds het openen door iemand anders gewijzigd. Die versie is niet \
         overschreven; jouw werk staat in {copy}, en daar gaat zelfscan verder. Vergelijk de twee \
         bestanden na de sessie."
        )
    },
    locked_title: "Scan is al geopend",
    locked_explained: |owner| {
        format!(
            "Deze scan is geopend door {owner}. Twee mensen tegelijk in één bestand kan werk \
         overschrijven."
        )
    },
    locked_read_only: "alleen lezen",
    locked_copy: "een kopie openen en daarin werken",
    save_as_title: "Opslaan als",
    save_as_help: "Typ een nieuwe bestandsnaam en druk Enter (Esc: terug).",
    read_only_badge: "ALLEEN LEZEN",
    panic_data_safe: |scan, journal| {
        format!(
            "zelfscan is onverwacht gestopt, maar je werk is veilig: alles wat op het scherm stond, staat \
         in {journal}. Open {scan} opnieuw; zelfscan herstelt het dan."
        )
    },
    made_by_newer: "Deze scan is gemaakt door een nieuwere zelfscan. Je kunt hem bekijken (alleen lezen); werk verder in de nieuwere versie.",
    search_title: "Zoeken",
    search_help: "Typ een of meer woorden; ↑/↓ kiest, Enter gaat naar het criterium.",
    search_count: |count| match count {
        0 => "niets gevonden".to_string(),
        1 => "1 criterium gevonden".to_string(),
        n => format!("{n} criteria gevonden"),
    },
    search_place,
    summary_parked: "Parkeerplaats",
    projector_hint: "n volgende · p vorige · s scores · Esc terug",
    projector_no_answer: "–",
    help_projector_intro: "De projectorweergave toont alleen het huidige criterium, groot en met veel contrast, voor de hele zaal. Met s toon je de gegeven scores en notities; een notitie die met v vertrouwelijk is gemaakt (v), komt nooit op de projector.",
    not_saved_badge: "⚠ NIET opgeslagen",
    setting_problem: |problem| {
        use crate::config::SettingProblem;
        match problem {
            SettingProblem::Syntax {
                line,
                column,
                detail,
            } => {
                format!("regel {line}, kolom {column}: geen geldige TOML: {detail}")
            }
            SettingProblem::UnknownKey(key) => format!("'{key}' is geen instelling van zelfscan"),
            SettingProblem::BadValue { key, allowed } => format!("'{key}': kies {allowed}"),
            SettingProblem::NotText(key) => {
                format!("'{key}' moet tekst zijn (tussen aanhalingstekens)")
            }
        }
    },
    settings_title: |path| format!("Instellingen in {path}: standaardwaarden gebruikt"),
    settings_file_line: |path, exists| {
        if exists {
            format!("Instellingen: {path}")
        } else {
            format!("Instellingen: {path} (bestaat nog niet; standaardwaarden)")
        }
    },
    settings_from_file: "uit het bestand",
    settings_default: "standaard",
    settings_labels: [
        "taal",
        "thema",
        "gespreksleider",
        "standaardkader",
        "scanmap",
        "eigen kaders",
        "minuten per criterium",
        "minuten voor de sessie",
        "klok",
    ],
    settings_session_from_plan: "de som van de geplande tijd",
    clock_criterion: |time, over| {
        if over {
            format!("⏱ +{time} te lang")
        } else {
            format!("⏱ {time} over")
        }
    },
    clock_session: |time, over| {
        if over {
            format!("sessie +{time} te lang")
        } else {
            format!("sessie {time} over")
        }
    },
    clock_behind: |minutes| format!("achter op schema: {minutes} min"),
    clock_minutes: |minutes| format!("{minutes} min"),
    progress_short: |answered, total| format!("{answered}/{total} beantwoord"),
    clock_setting: |on| if on { "aan" } else { "uit" },
    agenda_title: "Tijdplan: gepland en gebruikt",
    agenda_planned: "gepland",
    agenda_used: "gebruikt",
    agenda_total: "alle criteria",
    agenda_session: "sessie",
    theme_name: |theme| match theme {
        crate::config::ThemeName::Dark => "donker",
        crate::config::ThemeName::Light => "licht",
        crate::config::ThemeName::HighContrast => "hoog contrast",
    },
    private_mark: "(v)",
    choose_note_field: "Ga met Tab naar een notitie om die vertrouwelijk te maken.",
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
        ProblemKind::Empty => "het bestand is leeg".to_string(),
        ProblemKind::NotUtf8 { byte_offset } => format!(
            "het bestand is geen geldige UTF-8-tekst (ongeldige byte op positie {byte_offset}); \
             sla het op als UTF-8"
        ),
        ProblemKind::Syntax { detail } => format!("geen geldige TOML: {detail}"),
        ProblemKind::MissingKey { key } => format!("'{key}' ontbreekt"),
        ProblemKind::WrongType {
            key,
            expected,
            found,
        } => format!(
            "'{key}' moet een {} zijn, maar is een {}",
            type_name(expected),
            type_name(found)
        ),
        ProblemKind::InvalidValue { key, value, reason } => {
            format!("'{key}' = {value}: {}", invalid_reason(reason))
        }
        ProblemKind::DuplicateId { id, first_line } => {
            format!("'{id}' komt twee keer voor (eerder op regel {first_line})")
        }
        ProblemKind::UnknownCriterion { id } => {
            format!(
                "antwoord voor '{id}', maar het kader van deze scan heeft geen criterium met die code"
            )
        }
        ProblemKind::UnknownPerspective { id } => {
            format!("'{id}' is geen perspectief van het kader van deze scan")
        }
        ProblemKind::UnknownKey { key } => {
            format!("'{key}' is onbekend voor deze versie van zelfscan; de waarde blijft bewaard")
        }
        ProblemKind::HiddenCharacters { key, count } => (input::INPUT.hidden_problem)(key, *count),
        ProblemKind::NewerSchema { found, supported } => format!(
            "gemaakt door een nieuwere zelfscan (schema_version {found}; deze versie kent t/m {supported})"
        ),
        ProblemKind::UnknownFileKind => {
            "dit is geen scan en geen kader: 'region' of 'themes' ontbreekt".to_string()
        }
        ProblemKind::UnworkableRule { flaw } => rule_flaw(flaw),
    }
}

/// Why a framework's weighting rule cannot work.
fn rule_flaw(flaw: &RuleFlaw) -> String {
    match flaw {
        RuleFlaw::ScaleNotConsecutive { values } => format!(
            "de schaal heeft een gat ({}): themascores zijn gemiddelden en drempels afstanden op de schaal, dus de waarden moeten opeenvolgend zijn (1, 2, 3, …)",
            values
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        RuleFlaw::ThemeWithoutWeight { theme_id } => format!(
            "thema {theme_id} heeft geen gewicht in [weighting.theme_weights]; geef elk thema een gewicht (0 als het niet mag meetellen)"
        ),
        RuleFlaw::RobustUnreachable {
            key,
            value,
            highest,
        } => format!(
            "'{key} = {value}' kan nooit gehaald worden op een schaal tot en met {highest}: het oordeel robuust is onbereikbaar"
        ),
        RuleFlaw::FollowUpAlways {
            key,
            value,
            highest,
        } => format!(
            "'{key} = {value}' geldt voor elke score op een schaal tot en met {highest}: elke scan zou een vervolgtraject krijgen"
        ),
    }
}

fn invalid_reason(reason: &InvalidReason) -> &'static str {
    match reason {
        InvalidReason::BadId => "een code mag alleen letters, cijfers, '-' en '_' bevatten",
        InvalidReason::NotOnScale => {
            "geen waarde van de antwoordschaal (gebruik een score van de schaal, \"onbekend\" of \"nvt\")"
        }
        InvalidReason::BadDate => "geen geldige datum; schrijf bijvoorbeeld \"2026-11-25\"",
        InvalidReason::BadTimestamp => {
            "geen geldig tijdstip; schrijf bijvoorbeeld \"2026-11-25T10:12:03Z\""
        }
        InvalidReason::BadAgreement => "kies \"consensus\", \"voorbehoud\" of \"geen_consensus\"",
        InvalidReason::ScaleOutOfRange => "schaalwaarden lopen van 1 tot en met 9",
        InvalidReason::EmptyList => "deze lijst mag niet leeg zijn",
        InvalidReason::BadVerdict => {
            "kies \"robuust\", \"robuust_met_aandachtspunten\" of \"vervolgtraject\""
        }
        InvalidReason::EmptyRationale => {
            "een aangepast oordeel heeft een geschreven toelichting nodig"
        }
        InvalidReason::BadNumber => "geen bruikbaar getal",
        InvalidReason::UnknownTheme => "dit kader heeft geen thema met die code",
        InvalidReason::ReservedId => {
            "deze code is de naam van een veld van een antwoord; kies een andere code"
        }
        InvalidReason::ControlCharacter => {
            "de tekst bevat een stuurteken (zoals ESC); haal het weg, alleen tab en nieuwe regel mogen"
        }
        InvalidReason::MissingAgreementLevel => {
            "definieer \"consensus\", \"voorbehoud\" en \"geen_consensus\" elk één keer"
        }
        InvalidReason::BadActionStatus => "kies open, lopend, klaar of vervallen",
    }
}

/// TOML type names in Dutch.
fn type_name(toml_type: &str) -> &str {
    match toml_type {
        "string" => "tekst",
        "integer" => "geheel getal",
        "float" => "getal",
        "boolean" => "waar/onwaar",
        "datetime" => "datum/tijd",
        "date" => "datum",
        "array" => "lijst",
        "table" => "tabel",
        other => other,
    }
}

fn io_error(error: &std::io::Error) -> String {
    use crate::storage::input::{Refused, refusal};
    use std::io::ErrorKind;
    if let Some(refused) = refusal(error) {
        let only = "zelfscan leest en vervangt alleen gewone bestanden";
        return match refused {
            Refused::Directory => "dit is een map, geen bestand".to_string(),
            Refused::Fifo => format!("dit is een named pipe (FIFO), geen gewoon bestand; {only}"),
            Refused::Socket => format!("dit is een socket, geen gewoon bestand; {only}"),
            Refused::Device => {
                format!("dit is een apparaat (zoals /dev/zero), geen gewoon bestand; {only}")
            }
            Refused::NotRegular => format!("dit is geen gewoon bestand; {only}"),
            Refused::TooLarge { limit } => format!(
                "het bestand is groter dan {} MB, de grens van wat zelfscan inleest",
                limit / (1024 * 1024)
            ),
        };
    }
    match error.kind() {
        ErrorKind::NotFound => "het bestand bestaat niet".to_string(),
        ErrorKind::PermissionDenied => "geen toestemming voor dit bestand of deze map".to_string(),
        ErrorKind::IsADirectory => "dit is een map, geen bestand".to_string(),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "de schijf is vol".to_string(),
        ErrorKind::ReadOnlyFilesystem => "de schijf is alleen-lezen".to_string(),
        ErrorKind::AlreadyExists => "dat bestand bestaat al".to_string(),
        _ => error.to_string(),
    }
}

/// The few words in the hint bar.
fn help_short(help: Help) -> &'static str {
    match help {
        Help::Quit => "stoppen",
        Help::Help => "hulp",
        Help::Close => "terug",
        Help::Save => "opslaan",
        Help::Move => "kiezen",
        Help::Choose => "openen",
        Help::NewScan => "nieuwe scan",
        Help::OpenByPath => "openen via pad",
        Help::NextField => "volgend veld",
        Help::PrevField => "vorig veld",
        Help::ChangeChoice => "wisselen",
        Help::NextCriterion => "volgende",
        Help::PrevCriterion => "vorige",
        Help::NextUnanswered => "onbeantwoord",
        Help::Skip => "parkeren",
        Help::Navigator => "ga naar",
        Help::Score => "score",
        Help::Unknown => "onbekend",
        Help::NotApplicable => "n.v.t.",
        Help::ClearAnswer => "wissen",
        Help::EditNote => "typen",
        Help::StopEditing => "klaar",
        Help::NewLine => "nieuwe regel",
        Help::MoveCursor => "cursor",
        Help::WordJump => "per woord",
        Help::RowStartEnd => "begin/eind",
        Help::DeleteText => "wissen",
        Help::CloseScan => "startscherm",
        Help::Jump => "ga naar",
        Help::SaveAndQuit => "opslaan",
        Help::DiscardAndQuit => "niet opslaan",
        Help::Stay => "terug",
        Help::StartScanOrNext => "verder",
        Help::Scroll => "scrollen",
        Help::Summary => "oordeel",
        Help::BackToCriteria => "criteria",
        Help::OpenCriterion => "naar criterium",
        Help::OverrideVerdict => "oordeel aanpassen",
        Help::ChooseVerdict => "kiezen",
        Help::ConfirmOverride => "vastleggen",
        Help::Cancel => "annuleren",
        Help::SaveAs => "opslaan als",
        Help::Search => "zoeken",
        Help::Projector => "projector",
        Help::ToggleScores => "scores tonen/verbergen",
        Help::TogglePrivate => "vertrouwelijk",
        Help::ReadOnly => "alleen lezen",
        Help::WorkOnCopy => "kopie",
        Help::Agenda => "tijdplan",
        Help::Conflicts => "conflicten",
        Help::Previous => "vorige keer",
        Help::OverviewView => "tabel/heatmap/spreiding",
        Help::CombineNotes => "notities samen",
        Help::SetAgreement => "overeenstemming",
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
        Help::Quit => "zelfscan afsluiten (vraagt eerst bij niet-opgeslagen werk)",
        Help::Help => "deze hulp tonen",
        Help::Close => "sluiten en terug",
        Help::Save => "de scan opslaan",
        Help::Move => "omhoog / omlaag in de lijst",
        Help::Choose => "het gekozen item openen",
        Help::NewScan => "een nieuwe scan starten",
        Help::OpenByPath => "een scan openen door het pad te typen",
        Help::NextField => "naar het volgende veld",
        Help::PrevField => "naar het vorige veld",
        Help::ChangeChoice => "de keuze in het veld wisselen",
        Help::NextCriterion => "naar het volgende criterium",
        Help::PrevCriterion => "naar het vorige criterium",
        Help::NextUnanswered => "naar het eerstvolgende criterium zonder antwoord",
        Help::Skip => {
            "dit criterium parkeren: later terugkomen (u gaat langs wat open of geparkeerd is)"
        }
        Help::Navigator => {
            "ga naar een criterium: typ een id (VIS-2) of een deel van de titel, Enter springt erheen"
        }
        Help::Score => "score kiezen in een scoreveld (of 1–3 bij overeenstemming)",
        Help::Unknown => "antwoord \"onbekend\" (telt niet mee)",
        Help::NotApplicable => "antwoord \"niet van toepassing\" (telt niet mee)",
        Help::ClearAnswer => "het antwoord in dit veld wissen",
        Help::EditNote => "in de notitie typen (in een tekstveld)",
        Help::StopEditing => "klaar met typen",
        Help::NewLine => "nieuwe regel",
        Help::MoveCursor => "de cursor verplaatsen",
        Help::WordJump => "een woord verder of terug",
        Help::RowStartEnd => "naar begin of eind van de regel",
        Help::DeleteText => "teken wissen",
        Help::CloseScan => "terug naar het startscherm",
        Help::Jump => "naar het gekozen criterium",
        Help::SaveAndQuit => "opslaan en doorgaan",
        Help::DiscardAndQuit => "niet opslaan en doorgaan",
        Help::Stay => "terug, niets doen",
        Help::StartScanOrNext => "naar het volgende veld, of de scan starten",
        Help::Scroll => "door de hulp scrollen",
        Help::Summary => "het overzicht met oordeel, themascores en aandachtspunten tonen",
        Help::BackToCriteria => "terug naar de criteria",
        Help::OpenCriterion => "naar het gekozen criterium",
        Help::OverrideVerdict => "het oordeel één niveau aanpassen, met toelichting",
        Help::ChooseVerdict => "een oordeel kiezen",
        Help::ConfirmOverride => "de aanpassing vastleggen",
        Help::Cancel => "annuleren zonder iets te veranderen",
        Help::SaveAs => "opslaan onder een andere naam (bijv. als de schijf vol is)",
        Help::Search => "zoeken in titels, beschrijvingen, hulpvragen en notities",
        Help::Projector => "projectorweergave: alleen het criterium, groot en met veel contrast",
        Help::ToggleScores => {
            "de gegeven scores en notities op de projector tonen of verbergen (vertrouwelijke notities nooit)"
        }
        Help::TogglePrivate => {
            "een notitie vertrouwelijk maken (v): nooit op de projector; wel in het bestand en de rapporten"
        }
        Help::ReadOnly => "de scan bekijken zonder iets te wijzigen",
        Help::WorkOnCopy => "een kopie maken en daarin verder werken",
        Help::Agenda => "het tijdplan: geplande en gebruikte tijd per thema en criterium",
        Help::Conflicts => "de conflicten van het samenvoegen bij dit criterium: kies een waarde",
        Help::Previous => {
            "de vorige scan van deze regio bij dit criterium: score, overeenstemming, notitie, acties en de verandering"
        }
        Help::OverviewView => {
            "wisselen tussen de tabel, de heatmap van criteria per regio en mediaan en spreiding"
        }
        Help::CombineNotes => "alle notities van het conflict samenvoegen",
        Help::SetAgreement => {
            "de mate van overeenstemming kiezen (1 consensus, 2 met voorbehoud, 3 geen consensus)"
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
        Verdict::Robust => "Robuust",
        Verdict::RobustWithAttention => "Robuust met aandachtspunten",
        Verdict::FollowUp => "Vervolgtraject",
    }
}

/// Two decimals with a decimal comma, so 2,46 never reads as 2,5 against a
/// threshold of 2,5.
fn number(value: f64) -> String {
    super::two_decimals(value, ',')
}

fn reason(reason: &Reason, framework: &Framework) -> String {
    // The value and the threshold, with as many decimals as it takes to stay true.
    let (value, limit) = super::reason_numbers(reason, ',');
    match reason {
        Reason::TotalBelow { .. } => {
            format!("de totaalscore {} is lager dan {}", value, limit)
        }
        Reason::TotalAtLeast { .. } => {
            format!("de totaalscore {} is minstens {}", value, limit)
        }
        Reason::TotalMissing => {
            "geen thema met een gewicht heeft een score, dus er is geen totaalscore".to_string()
        }
        Reason::CoreThemeBelow { theme_id, .. } => format!(
            "kernthema {} scoort {}, lager dan {}",
            framework.theme_name(theme_id),
            value,
            limit
        ),
        Reason::CoreThemeAtLeast { theme_id, .. } => format!(
            "kernthema {} scoort {}, minstens {}",
            framework.theme_name(theme_id),
            value,
            limit
        ),
        Reason::CoreThemeUnscored { theme_id } => format!(
            "kernthema {} heeft nog geen score",
            framework.theme_name(theme_id)
        ),
        Reason::CriterionAtMost {
            criterion_id,
            score,
            threshold,
        } => format!(
            "criterium {} scoort {score}; robuust vraagt bij elk criterium meer dan {threshold}",
            framework.criterion_name(criterion_id)
        ),
        Reason::EveryCriterionAbove { lowest, threshold } => {
            format!("elk criterium scoort meer dan {threshold} (laagste score: {lowest})")
        }
        Reason::CriticalCriterionAtMost {
            criterion_id,
            score,
            threshold,
        } => format!(
            "kritiek criterium {} scoort {score} ({threshold} of lager leidt tot een vervolgtraject)",
            framework.criterion_name(criterion_id)
        ),
        Reason::CriticalCriterionBelow {
            criterion_id,
            score,
            threshold,
        } => format!(
            "kritiek criterium {} scoort {score}; robuust vraagt minstens {threshold}",
            framework.criterion_name(criterion_id)
        ),
        Reason::CriticalCriterionAtLeast {
            criterion_id,
            score,
            threshold,
        } => format!(
            "kritiek criterium {} scoort {score}, minstens {threshold}",
            framework.criterion_name(criterion_id)
        ),
        Reason::CriticalCriterionUnscored { criterion_id } => format!(
            "kritiek criterium {} heeft nog geen score",
            framework.criterion_name(criterion_id)
        ),
        Reason::NothingScored => {
            "er is nog niets gescoord, dus het oordeel zegt nog niets".to_string()
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
                    AttentionReason::LowScore { score, .. } => format!("scoort {score}"),
                    AttentionReason::NoConsensus => "geen consensus".to_string(),
                    AttentionReason::PerspectiveGap { first, second, gap } => format!(
                        "{} {} en {} {} verschillen {gap} punten",
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
            "{}: {unknown} van de {criteria} criteria onbekend (meer dan {}/{})",
            framework.theme_name(theme_id),
            share_above.0,
            share_above.1
        ),
    }
}

fn override_outcome(outcome: &OverrideOutcome) -> String {
    match outcome {
        OverrideOutcome::Applied { to, rationale } => format!(
            "De gespreksleider heeft het oordeel aangepast naar \"{}\". Toelichting: {rationale}",
            verdict(*to)
        ),
        OverrideOutcome::SameAsComputed { rationale } => {
            format!("De gespreksleider bevestigt het berekende oordeel. Toelichting: {rationale}")
        }
        OverrideOutcome::TooFar { wanted, rationale } => format!(
            "Het aangepaste oordeel \"{}\" ligt inmiddels meer dan één niveau van het berekende \
             oordeel af en telt daarom niet mee; pas het opnieuw aan. Toelichting was: {rationale}",
            verdict(*wanted)
        ),
    }
}

fn search_place(place: &crate::model::search::Place) -> String {
    use crate::model::search::Place;
    match place {
        Place::Title => "titel".to_string(),
        Place::Description => "beschrijving".to_string(),
        Place::Question => "hulpvraag".to_string(),
        Place::Note(perspective) => format!("notitie {}", perspective.to_lowercase()),
        Place::ConsensusNote => "toelichting".to_string(),
        Place::Action => "actie".to_string(),
    }
}
