//! The command line: `zelfscan [new|open|check|frameworks|report]`.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// zelfscan: begeleide zelfscan voor jeugdhulpregio's.
///
/// Zonder opdracht opent het startscherm.
#[derive(Debug, Parser)]
#[command(name = "zelfscan", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
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
    },
    /// Open een scan om verder te werken.
    Open {
        /// Het scanbestand.
        file: PathBuf,
        /// Regel voor regel op standaardinvoer en -uitvoer, voor schermlezers
        /// en scripts (vanzelf bij TERM=dumb).
        #[arg(long)]
        plain: bool,
    },
    /// Controleer scan- of kaderbestanden; meldt bestand:regel:kolom per probleem.
    Check {
        /// Een of meer bestanden.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Toon de beschikbare kaders (meegeleverd en eigen).
    Frameworks,
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
