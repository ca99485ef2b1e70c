//! The command line: `zelfscan [new|open|check|frameworks|report]`.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// zelfscan: begeleide zelfscan voor jeugdhulpregio's.
///
/// Zonder opdracht opent het startscherm.
#[derive(Debug, Parser)]
#[command(name = "zelfscan", version, about, long_about = None)]
pub struct Cli {
    /// Taal van de interface, nl of en (language of the interface). Zonder deze
    /// optie: ZELFSCAN_LANG, anders LC_ALL, LC_MESSAGES of LANG, anders nl.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The interface languages as they are typed after `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Nederlands.
    Nl,
    /// English.
    En,
}

impl From<LangArg> for crate::i18n::Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Nl => Self::Nl,
            LangArg::En => Self::En,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Maak een nieuwe scan en open die (tenzij --no-open).
    New {
        /// Naam van de regio.
        #[arg(long)]
        region: String,
        /// Kader: een id (zie `zelfscan frameworks`) of het pad van een kaderbestand.
        #[arg(long)]
        framework: Option<String>,
        /// Het scanbestand; standaard in de scanmap, genoemd naar regio en datum.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Alleen aanmaken, niet openen.
        #[arg(long)]
        no_open: bool,
        /// Huiswerk: een voorbereiding voor één perspectief (een id van het kader).
        #[arg(long)]
        perspective: Option<String>,
        // ---- the regional agenda (agenda engineer) ----
        /// Vervolgscan van deze eerdere scan: zelfde kader (of de nieuwere versie),
        /// deelnemers, ambities en openstaande acties gaan mee.
        #[arg(long, value_name = "OUD")]
        from: Option<PathBuf>,
    },
    /// Open een scan om verder te werken.
    Open {
        /// Het scanbestand.
        file: PathBuf,
        /// Regel voor regel op standaardinvoer en -uitvoer, voor schermlezers
        /// en scripts (vanzelf bij TERM=dumb).
        #[arg(long)]
        plain: bool,
        /// Een eerdere scan van de regio, om per criterium vorige keer te tonen.
        #[arg(long)]
        previous: Option<PathBuf>,
    },
    /// Controleer scan- of kaderbestanden; meldt bestand:regel:kolom per probleem.
    Check {
        /// Een of meer bestanden.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Toon de beschikbare kaders (meegeleverd en eigen).
    Frameworks,
    /// Toon waar het instellingenbestand staat en welke instellingen gelden.
    Config,
    /// Maak een rapport van een scan: Markdown, HTML, CSV of JSON.
    Report {
        /// Het scanbestand.
        file: PathBuf,
        /// Het formaat van het rapport.
        #[arg(long, short, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        /// Schrijf het rapport naar dit bestand in plaats van naar de standaarduitvoer.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    // ---- the regional agenda (agenda engineer) ----
    /// Toon de acties van een of meer scans als één lijst, gesorteerd op datum.
    Actions {
        /// Een of meer scanbestanden.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Het formaat van de lijst.
        #[arg(long, short, value_enum, default_value_t = ActionsFormatArg::Md)]
        format: ActionsFormatArg,
        /// Schrijf de lijst naar dit bestand in plaats van naar de standaarduitvoer.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    #[command(flatten)]
    Many(ManyCommand),
}

/// The many-scans commands: merge, merge-driver, compare, overview.
#[derive(Debug, Subcommand)]
pub enum ManyCommand {
    /// Voeg scans van één kader samen (huiswerk per perspectief); verschillen
    /// worden conflicten in de scan. Uitgang 0 schoon, 1 conflicten, 2 fout.
    Merge {
        /// Twee of meer scanbestanden.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Het nieuwe, samengevoegde scanbestand.
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Git-samenvoeger (%O %A %B): voegt per criterium en veld samen en
    /// schrijft het resultaat in OURS.
    MergeDriver {
        /// De gemeenschappelijke voorganger (%O).
        base: PathBuf,
        /// Onze versie (%A); hier komt het resultaat.
        ours: PathBuf,
        /// Hun versie (%B).
        theirs: PathBuf,
    },
    /// Vergelijk twee scans van een regio: toen en nu.
    Compare {
        /// De oudere scan.
        old: PathBuf,
        /// De nieuwere scan.
        new: PathBuf,
        /// Het formaat.
        #[arg(long, short, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        /// Schrijf naar dit bestand in plaats van naar de standaarduitvoer.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Overzicht van veel scans: bestanden of mappen (die worden doorzocht).
    Overview {
        /// Scanbestanden of mappen.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Het formaat.
        #[arg(long, short, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        /// Schrijf naar dit bestand in plaats van naar de standaarduitvoer.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Kleinste groep waarvan totalen, mediaan en spreiding worden getoond.
        #[arg(long, default_value_t = crate::model::overview::DEFAULT_MIN_GROUP)]
        min_group: usize,
        /// Toon het overzicht op het scherm (tabel, heatmap, spreiding).
        #[arg(long, short)]
        interactive: bool,
    },
}

/// The action list formats as they are typed on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ActionsFormatArg {
    /// Markdown, om in een mail te plakken.
    Md,
    /// Eén regel per actie, voor Excel en LibreOffice.
    Csv,
    /// Voor andere programma's.
    Json,
    /// iCalendar: één taak per actie met een datum (Thunderbird, Outlook-taken).
    Ics,
    /// iCalendar: één hele-dag-afspraak per actie op de datum (Google Agenda, Outlook-agenda).
    IcsEvents,
}

impl From<ActionsFormatArg> for crate::report::actions::ActionsFormat {
    fn from(format: ActionsFormatArg) -> Self {
        match format {
            ActionsFormatArg::Md => Self::Markdown,
            ActionsFormatArg::Csv => Self::Csv,
            ActionsFormatArg::Json => Self::Json,
            ActionsFormatArg::Ics => Self::Ics,
            ActionsFormatArg::IcsEvents => Self::IcsEvents,
        }
    }
}

/// The report formats as they are typed on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown, om in een mail of Word-document te plakken.
    Md,
    /// Eén HTML-bestand, af te drukken op A4.
    Html,
    /// Eén regel per criterium, voor Excel en LibreOffice.
    Csv,
    /// Het volledige resultaat, voor andere programma's.
    Json,
}

impl From<ReportFormat> for crate::report::Format {
    fn from(format: ReportFormat) -> Self {
        match format {
            ReportFormat::Md => Self::Markdown,
            ReportFormat::Html => Self::Html,
            ReportFormat::Csv => Self::Csv,
            ReportFormat::Json => Self::Json,
        }
    }
}

/// The `--lang` value among raw arguments (`--lang en` or `--lang=en`), read
/// before clap parses them, so `--help` can already be in that language.
pub fn lang_in_args<I, S>(args: I) -> Option<crate::i18n::Lang>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut args = args.into_iter();
    let mut found = None;
    while let Some(arg) = args.next() {
        let arg = arg.as_ref().to_string_lossy();
        if arg == "--" {
            break;
        } else if arg == "--lang" {
            let value = args.next();
            found = value.and_then(|v| crate::i18n::Lang::from_code(&v.as_ref().to_string_lossy()));
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            found = crate::i18n::Lang::from_code(value);
        }
    }
    found
}

/// The command line with its help in `lang`. The doc comments above are the
/// Dutch help; English replaces each text here, by argument id, so both stay
/// next to the definitions they describe. Clap's own words ("Usage",
/// "Options") are English in both.
pub fn command(lang: crate::i18n::Lang) -> clap::Command {
    use clap::CommandFactory;
    let command = Cli::command();
    match lang {
        crate::i18n::Lang::Nl => command,
        crate::i18n::Lang::En => command
            .about("zelfscan: guided self-scan for youth-care regions.\n\nWithout a command, it opens the start screen.")
            .mut_arg("lang", |arg| {
                arg.help("Language of the interface, nl or en. Without this option: ZELFSCAN_LANG, else LC_ALL, LC_MESSAGES or LANG, else nl.")
            })
            .mut_subcommand("new", |sub| {
                sub.about("Create a new scan and open it (unless --no-open).")
                    .mut_arg("region", |arg| arg.help("Name of the region."))
                    .mut_arg("framework", |arg| {
                        arg.help("Framework: an id (see `zelfscan frameworks`) or the path of a framework file.")
                    })
                    .mut_arg("output", |arg| {
                        arg.help("The scan file; by default in the scans folder, named after region and date.")
                    })
                    .mut_arg("no_open", |arg| arg.help("Only create it, do not open it."))
                    .mut_arg("perspective", |arg| {
                        arg.help("Homework: a preparation for one perspective (an id of the framework).")
                    })
                    .mut_arg("from", |arg| {
                        arg.help("Follow-up of this earlier scan: same framework (or its newer version), participants, ambitions and unfinished actions come along.")
                            .value_name("OLD")
                    })
            })
            .mut_subcommand("open", |sub| {
                sub.about("Open a scan to carry on working.")
                    .mut_arg("file", |arg| arg.help("The scan file."))
                    .mut_arg("previous", |arg| {
                        arg.help("An earlier scan of the region, to show last time per criterion.")
                    })
            })
            .mut_subcommand("check", |sub| {
                sub.about("Check scan or framework files; reports file:line:column for each problem.")
                    .mut_arg("files", |arg| arg.help("One or more files."))
            })
            .mut_subcommand("frameworks", |sub| {
                sub.about("Show the available frameworks (bundled and your own).")
            })
            .mut_subcommand("config", |sub| {
                sub.about("Show where the settings file is and which settings are in force.")
            })
            .mut_subcommand("report", |sub| {
                sub.about("Make a report of a scan: Markdown, HTML, CSV or JSON.")
                    .mut_arg("file", |arg| arg.help("The scan file."))
                    .mut_arg("format", |arg| {
                        // The possible values' own help is Dutch (doc comments).
                        arg.help("The report format: md (Markdown, to paste into a mail or Word document), html (one page, printable on A4), csv (one row per criterion, for Excel and LibreOffice) or json (the complete result, for other programs).")
                            .hide_possible_values(true)
                    })
                    .mut_arg("output", |arg| {
                        arg.help("Write the report to this file instead of to standard output.")
                    })
            })
            .mut_subcommand("merge", |sub| {
                sub.about("Merge scans of one framework (homework per perspective); differences become conflicts inside the scan. Exit 0 clean, 1 conflicts, 2 error.")
                    .mut_arg("files", |arg| arg.help("Two or more scan files."))
                    .mut_arg("output", |arg| arg.help("The new, merged scan file."))
            })
            .mut_subcommand("merge-driver", |sub| {
                sub.about("Git merge driver (%O %A %B): merges by criterion and field and writes the result to OURS.")
                    .mut_arg("base", |arg| arg.help("The common ancestor (%O)."))
                    .mut_arg("ours", |arg| arg.help("Our version (%A); the result goes here."))
                    .mut_arg("theirs", |arg| arg.help("Their version (%B)."))
            })
            .mut_subcommand("compare", |sub| {
                sub.about("Compare two scans of a region: then and now.")
                    .mut_arg("old", |arg| arg.help("The older scan."))
                    .mut_arg("new", |arg| arg.help("The newer scan."))
                    .mut_arg("format", |arg| arg.help("The format: md, html, csv or json.").hide_possible_values(true))
                    .mut_arg("output", |arg| arg.help("Write to this file instead of to standard output."))
            })
            .mut_subcommand("overview", |sub| {
                sub.about("Overview of many scans: files or folders (which are searched).")
                    .mut_arg("paths", |arg| arg.help("Scan files or folders."))
                    .mut_arg("format", |arg| arg.help("The format: md, html, csv or json.").hide_possible_values(true))
                    .mut_arg("output", |arg| arg.help("Write to this file instead of to standard output."))
                    .mut_arg("min_group", |arg| arg.help("Smallest group whose totals, median and spread are shown."))
                    .mut_arg("interactive", |arg| arg.help("Show the overview on screen (table, heatmap, spread)."))
            })
            .mut_subcommand("actions", |sub| {
                sub.about("Show the actions of one or more scans as one list, sorted by due date.")
                    .mut_arg("files", |arg| arg.help("One or more scan files."))
                    .mut_arg("format", |arg| {
                        arg.help("The list format: md (Markdown, to paste into a mail), csv (one row per action, for Excel and LibreOffice), json (for other programs), ics (iCalendar: one to-do per action with a due date, for Thunderbird and Outlook tasks) or ics-events (iCalendar: one all-day appointment per action on its due date, for Google Calendar and the Outlook calendar).")
                            .hide_possible_values(true)
                    })
                    .mut_arg("output", |arg| {
                        arg.help("Write the list to this file instead of to standard output.")
                    })
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_lang_flag_is_found_before_parsing() {
        assert_eq!(
            lang_in_args(["zelfscan", "--lang", "en", "open", "f"]),
            Some(Lang::En)
        );
        assert_eq!(
            lang_in_args(["zelfscan", "open", "f", "--lang=en"]),
            Some(Lang::En)
        );
        assert_eq!(lang_in_args(["zelfscan", "--lang", "nl"]), Some(Lang::Nl));
        assert_eq!(lang_in_args(["zelfscan", "open", "f"]), None);
        assert_eq!(lang_in_args(["zelfscan", "--lang"]), None);
        assert_eq!(lang_in_args(["zelfscan", "open", "--", "--lang=en"]), None);
    }

    #[test]
    fn both_command_lines_are_valid_and_the_english_help_is_english() {
        for lang in Lang::ALL {
            command(lang).debug_assert();
        }
        let mut english = command(Lang::En);
        let mut help = english.render_long_help().to_string();
        for name in [
            "new",
            "open",
            "check",
            "frameworks",
            "config",
            "report",
            "merge",
            "merge-driver",
            "compare",
            "overview",
            "actions",
        ] {
            let sub = english.find_subcommand_mut(name).expect(name);
            help.push_str(&sub.render_long_help().to_string());
        }
        // Whole words: "regio" is Dutch, "regions" is not.
        let words: Vec<String> = help
            .split(|c: char| !c.is_alphabetic())
            .map(str::to_lowercase)
            .collect();
        for dutch in [
            "regio", "kader", "bestand", "rapport", "scanmap", "openen", "taal", "een", "het",
            "maak", "toon",
        ] {
            assert!(
                !words.iter().any(|word| word == dutch),
                "{dutch:?} in the English help:\n{help}"
            );
        }
        assert!(
            help.contains("guided self-scan for youth-care regions"),
            "{help}"
        );
    }
}
