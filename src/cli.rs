//! The command line: `zelfscan [new|open|check|frameworks]`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

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
    },
    /// Controleer scan- of kaderbestanden; meldt bestand:regel:kolom per probleem.
    Check {
        /// Een of meer bestanden.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Toon de beschikbare kaders (meegeleverd en eigen).
    Frameworks,
}
