//! The `zelfscan` binary: parse the command line, run the command, print any
//! error once, and exit with a meaningful code (0 ok, 1 problems found, 2 error).

use std::io::Write;
use std::process::ExitCode;

use clap::FromArgMatches;
use zelfscan::cli::{self, Cli, Command};
use zelfscan::commands::{self, Context};
use zelfscan::i18n::Lang;

fn main() -> ExitCode {
    // `--help` in the language the rest will use; parsing is the same in both.
    let help_lang = Lang::resolve(cli::lang_in_args(std::env::args_os()), None, Lang::from_env);
    let matches = cli::command(help_lang).get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit());
    let context = Context::from_env(cli.lang.map(Into::into));
    let result = match cli.command {
        None if commands::plain::wanted(false) => {
            // A dumb terminal cannot show the start screen.
            eprintln!("{}", context.text.plain.needs_file);
            Ok(ExitCode::from(2))
        }
        None => commands::start(&context),
        Some(Command::Open { file, plain, .. }) if commands::plain::wanted(plain) => {
            commands::plain::run(&context, &file)
        }
        Some(Command::Open { file, previous, .. }) => {
            commands::open::run(&context, &file, previous.as_deref())
        }
        Some(Command::New {
            region,
            framework,
            output,
            no_open,
            perspective,
            from,
        }) => commands::new::run(
            &context,
            commands::new::NewOptions {
                region,
                framework,
                output,
                no_open,
                perspective,
                from,
            },
        ),
        Some(Command::Many(many)) => commands::run_many(&context, many),
        Some(Command::Check { files }) => commands::check::run(&context, &files),
        Some(Command::Frameworks) => commands::frameworks::run(&context),
        Some(Command::Config) => commands::config::run(&context),
        Some(Command::Report {
            file,
            format,
            output,
        }) => commands::report::run(&context, &file, format.into(), output.as_deref()),
        Some(Command::Actions {
            files,
            format,
            output,
        }) => commands::actions::run(&context, &files, format.into(), output.as_deref()),
    };
    result.unwrap_or_else(|error| {
        // Not `eprintln!`: it panics when the terminal is gone (a closed
        // window), and there is nothing left to tell then.
        let _ = writeln!(
            std::io::stderr(),
            "zelfscan: {}",
            zelfscan::storage::sanitize_for_display(&format!("{error:#}"))
        );
        ExitCode::from(2)
    })
}
