//! `zelfscan frameworks`: what frameworks a new scan can use, and from where.

use std::process::ExitCode;

use super::Context;

pub fn run(context: &Context) -> anyhow::Result<ExitCode> {
    let text = context.text;
    let (choices, problems) = context.frameworks();
    println!("{}", text.frameworks_header);
    for choice in &choices {
        let source = choice.file.as_ref().map_or_else(
            || text.framework_bundled.to_string(),
            |file| crate::storage::sanitize_for_display(&file.display().to_string()),
        );
        println!(
            "{}\t{}\t{}\t{}",
            choice.framework.id, choice.framework.version, choice.framework.title, source
        );
    }
    println!();
    println!(
        "{}",
        (text.frameworks_folder)(&context.paths.frameworks_dir().display().to_string())
    );
    for problem in &problems {
        eprintln!("{problem}");
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
