//! `zelfscan config`: where the settings file is, and the values in force.

use std::process::ExitCode;

use super::Context;
use crate::storage::sanitize_for_display;

pub fn run(context: &Context) -> anyhow::Result<ExitCode> {
    let text = context.text;
    let file = context.paths.settings_file();
    println!(
        "{}",
        (text.settings_file_line)(
            &sanitize_for_display(&file.display().to_string()),
            file.exists()
        )
    );
    let source = |set: bool| {
        if set {
            text.settings_from_file
        } else {
            text.settings_default
        }
    };
    let settings = &context.settings;
    let (frameworks, _) = context.frameworks();
    let framework = frameworks
        .first()
        .map_or_else(String::new, |choice| choice.framework.id.clone());
    let rows = [
        (
            context.lang.code().to_string(),
            source(settings.language.is_some()),
        ),
        (
            (text.theme_name)(settings.theme.unwrap_or_default()).to_string(),
            source(settings.theme.is_some()),
        ),
        (
            settings.facilitator.clone().unwrap_or_default(),
            source(settings.facilitator.is_some()),
        ),
        (framework, source(settings.default_framework.is_some())),
        (
            context.paths.scans_dir.display().to_string(),
            text.settings_default,
        ),
        (
            context.paths.frameworks_dir().display().to_string(),
            text.settings_default,
        ),
        (
            settings.timebox().criterion_minutes.to_string(),
            source(settings.criterion_minutes.is_some()),
        ),
        (
            settings.session_minutes.map_or_else(
                || text.settings_session_from_plan.to_string(),
                |minutes| minutes.to_string(),
            ),
            source(settings.session_minutes.is_some()),
        ),
        (
            (text.clock_setting)(settings.timebox().clock).to_string(),
            source(settings.clock.is_some()),
        ),
    ];
    let width = text
        .settings_labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    for (label, (value, from)) in text.settings_labels.iter().zip(rows) {
        println!(
            "{label:<width$}  {}  ({from})",
            sanitize_for_display(&value)
        );
    }
    for problem in &context.setting_problems {
        eprintln!(
            "{}: {problem}",
            sanitize_for_display(&file.display().to_string())
        );
    }
    Ok(if context.setting_problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
