use super::*;
use proptest::strategy::Strategy;

proptest::proptest! {
    /// The short road writes what the float formatter writes, also at
    /// and near the halves and for values written with two decimals.
    #[test]
    fn two_decimals_are_what_the_formatter_writes(
        value in proptest::prop_oneof![
            proptest::num::f64::ANY,
            0.0_f64..20.0,
            (0_u32..200_000).prop_map(|n| f64::from(n) / 100.0),
            (0_u32..200_000).prop_map(|n| (f64::from(n) + 0.5) / 100.0),
            (0_u32..2_000_000).prop_map(|n| f64::from(n) / 3.0),
        ],
    ) {
        let expected = format!("{value:.2}");
        proptest::prop_assert_eq!(two_decimals(value, '.'), expected.clone());
        proptest::prop_assert_eq!(two_decimals(value, ','), expected.replace('.', ","));
    }
}

#[test]
fn two_decimals_round_ties_as_the_formatter_does() {
    for value in [
        0.125,
        0.375,
        2.675,
        1.005,
        0.0,
        -0.0,
        1e6,
        9999.995,
        2.5,
        10.0 / 3.0,
    ] {
        assert_eq!(two_decimals(value, '.'), format!("{value:.2}"), "{value}");
    }
}
use crate::storage::InvalidReason;

#[test]
fn codes_and_locales_name_a_language() {
    for (value, expected) in [
        ("en", Some(Lang::En)),
        ("EN", Some(Lang::En)),
        ("en-GB", Some(Lang::En)),
        ("en_GB.UTF-8", Some(Lang::En)),
        ("en_US.utf8", Some(Lang::En)),
        ("nl", Some(Lang::Nl)),
        ("nl_NL.UTF-8", Some(Lang::Nl)),
        ("nl_BE@euro", Some(Lang::Nl)),
        ("C", None),
        ("C.UTF-8", None),
        ("POSIX", None),
        ("fr_FR.UTF-8", None),
        ("english", None),
        ("", None),
    ] {
        assert_eq!(Lang::from_code(value), expected, "{value:?}");
    }
}

#[test]
fn the_environment_is_read_in_posix_order_with_zelfscan_lang_first() {
    let from = Lang::from_env_values;
    assert_eq!(from(None, None, None, None), Lang::Nl, "unset: Dutch");
    assert_eq!(from(None, None, None, Some("en_GB.UTF-8")), Lang::En);
    assert_eq!(from(None, None, None, Some("nl_NL.UTF-8")), Lang::Nl);
    assert_eq!(from(None, None, None, Some("de_DE.UTF-8")), Lang::Nl);
    assert_eq!(
        from(None, None, Some("en_US.UTF-8"), Some("nl_NL")),
        Lang::En
    );
    assert_eq!(
        from(None, Some("nl_NL"), Some("en_US"), Some("en_US")),
        Lang::Nl
    );
    assert_eq!(
        from(None, Some("C"), None, Some("en_GB.UTF-8")),
        Lang::Nl,
        "LC_ALL decides, and C means the default"
    );
    assert_eq!(
        from(None, Some(""), Some(" "), Some("en_GB.UTF-8")),
        Lang::En,
        "empty counts as unset"
    );
    assert_eq!(from(Some("en"), Some("nl_NL"), None, None), Lang::En);
    assert_eq!(from(Some("nl"), None, None, Some("en_GB")), Lang::Nl);
}

#[test]
fn the_flag_beats_the_config_and_the_config_beats_the_environment() {
    let never = || -> Lang { panic!("the environment is not needed") };
    assert_eq!(
        Lang::resolve(Some(Lang::En), Some(Lang::Nl), never),
        Lang::En
    );
    assert_eq!(Lang::resolve(None, Some(Lang::En), never), Lang::En);
    assert_eq!(Lang::resolve(None, None, || Lang::En), Lang::En);
    assert_eq!(Lang::resolve(None, None, || Lang::Nl), Lang::Nl);
}

#[test]
fn a_reason_never_contradicts_itself() {
    use crate::model::Exact;
    let framework = &crate::storage::bundled_frameworks()[0];
    // A three-decimal threshold: two decimals would say "2,00, lager dan 2,00".
    let below = Reason::CoreThemeBelow {
        theme_id: "T1".to_owned(),
        score: Exact::integer(2),
        threshold: Exact::from_decimal_f64(2.005),
    };
    assert_eq!(
        (Lang::Nl.catalogue().reason)(&below, framework),
        "kernthema T1 Visie scoort 2,000, lager dan 2,005"
    );
    // A total a hair below its threshold shows the digit that differs.
    let total = Reason::TotalBelow {
        total: Exact::ratio(29_999, 10_000),
        threshold: Exact::integer(3),
    };
    assert_eq!(
        (Lang::En.catalogue().reason)(&total, framework),
        "the total score 2.9999 is lower than 3.00"
    );
    let met = Reason::TotalAtLeast {
        total: Exact::ratio(42, 11),
        threshold: Exact::integer(3),
    };
    assert_eq!(
        (Lang::Nl.catalogue().reason)(&met, framework),
        "de totaalscore 3,82 is minstens 3,00"
    );
}

#[test]
fn english_numbers_have_a_decimal_point_and_dutch_a_comma() {
    assert_eq!((Lang::En.catalogue().number)(2.456), "2.46");
    assert_eq!((Lang::Nl.catalogue().number)(2.456), "2,46");
    assert_eq!((Lang::En.catalogue().progress)(12, 22), "12 of 22 answered");
}

const ALL_HELP: [Help; 59] = [
    Help::OverviewView,
    Help::Previous,
    Help::Conflicts,
    Help::CombineNotes,
    Help::Quit,
    Help::Help,
    Help::Close,
    Help::Save,
    Help::Move,
    Help::Choose,
    Help::NewScan,
    Help::OpenByPath,
    Help::NextField,
    Help::PrevField,
    Help::ChangeChoice,
    Help::NextCriterion,
    Help::PrevCriterion,
    Help::NextUnanswered,
    Help::Skip,
    Help::Navigator,
    Help::Score,
    Help::Unknown,
    Help::NotApplicable,
    Help::ClearAnswer,
    Help::EditNote,
    Help::StopEditing,
    Help::NewLine,
    Help::MoveCursor,
    Help::WordJump,
    Help::RowStartEnd,
    Help::DeleteText,
    Help::CloseScan,
    Help::Jump,
    Help::SaveAndQuit,
    Help::DiscardAndQuit,
    Help::Stay,
    Help::StartScanOrNext,
    Help::Scroll,
    Help::Summary,
    Help::BackToCriteria,
    Help::OpenCriterion,
    Help::OverrideVerdict,
    Help::ChooseVerdict,
    Help::ConfirmOverride,
    Help::Cancel,
    Help::SaveAs,
    Help::Search,
    Help::Projector,
    Help::ToggleScores,
    Help::TogglePrivate,
    Help::ReadOnly,
    Help::WorkOnCopy,
    Help::Agenda,
    Help::SetAgreement,
    Help::Actions,
    Help::AddAction,
    Help::RemoveAction,
    Help::SortActions,
    Help::ActionsBack,
];

/// Fails to compile when a `Help` is added, so [`ALL_HELP`] stays complete.
fn _every_help_is_listed(help: Help) {
    match help {
        Help::Conflicts | Help::CombineNotes | Help::Previous | Help::OverviewView => {}
        Help::Quit
        | Help::Help
        | Help::Close
        | Help::Save
        | Help::Move
        | Help::Choose
        | Help::NewScan
        | Help::OpenByPath
        | Help::NextField
        | Help::PrevField
        | Help::ChangeChoice
        | Help::NextCriterion
        | Help::PrevCriterion
        | Help::NextUnanswered
        | Help::Skip
        | Help::Navigator
        | Help::Score
        | Help::Unknown
        | Help::NotApplicable
        | Help::ClearAnswer
        | Help::EditNote
        | Help::StopEditing
        | Help::NewLine
        | Help::MoveCursor
        | Help::WordJump
        | Help::RowStartEnd
        | Help::DeleteText
        | Help::CloseScan
        | Help::Jump
        | Help::SaveAndQuit
        | Help::DiscardAndQuit
        | Help::Stay
        | Help::StartScanOrNext
        | Help::Scroll
        | Help::Summary
        | Help::BackToCriteria
        | Help::OpenCriterion
        | Help::OverrideVerdict
        | Help::ChooseVerdict
        | Help::ConfirmOverride
        | Help::Cancel
        | Help::SaveAs
        | Help::Search
        | Help::Projector
        | Help::ToggleScores
        | Help::TogglePrivate
        | Help::ReadOnly
        | Help::WorkOnCopy
        | Help::Agenda
        | Help::SetAgreement
        | Help::Actions
        | Help::AddAction
        | Help::RemoveAction
        | Help::SortActions
        | Help::ActionsBack => {}
    }
}

fn every_problem_kind() -> Vec<ProblemKind> {
    let invalid = |reason| ProblemKind::InvalidValue {
        key: "k".into(),
        value: "v".into(),
        reason,
    };
    vec![
        ProblemKind::Empty,
        ProblemKind::NotUtf8 { byte_offset: 3 },
        ProblemKind::Syntax { detail: "x".into() },
        ProblemKind::MissingKey { key: "k".into() },
        ProblemKind::WrongType {
            key: "k".into(),
            expected: "string",
            found: "integer",
        },
        ProblemKind::DuplicateId {
            id: "k".into(),
            first_line: 2,
        },
        ProblemKind::UnknownCriterion { id: "k".into() },
        ProblemKind::UnknownPerspective { id: "k".into() },
        ProblemKind::UnknownKey { key: "k".into() },
        ProblemKind::HiddenCharacters {
            key: "k".into(),
            count: 2,
        },
        ProblemKind::NewerSchema {
            found: 2,
            supported: 1,
        },
        ProblemKind::UnknownFileKind,
        ProblemKind::UnworkableRule {
            flaw: crate::model::RuleFlaw::ScaleNotConsecutive {
                values: vec![1, 2, 4],
            },
        },
        ProblemKind::UnworkableRule {
            flaw: crate::model::RuleFlaw::ThemeWithoutWeight {
                theme_id: "T6".into(),
            },
        },
        ProblemKind::UnworkableRule {
            flaw: crate::model::RuleFlaw::RobustUnreachable {
                key: "weighting.robust.total_at_least",
                value: "4.5".into(),
                highest: 4,
            },
        },
        ProblemKind::UnworkableRule {
            flaw: crate::model::RuleFlaw::FollowUpAlways {
                key: "weighting.follow_up.total_below",
                value: "4.5".into(),
                highest: 4,
            },
        },
        invalid(InvalidReason::BadId),
        invalid(InvalidReason::NotOnScale),
        invalid(InvalidReason::BadDate),
        invalid(InvalidReason::BadTimestamp),
        invalid(InvalidReason::BadAgreement),
        invalid(InvalidReason::ScaleOutOfRange),
        invalid(InvalidReason::EmptyList),
        invalid(InvalidReason::BadVerdict),
        invalid(InvalidReason::EmptyRationale),
        invalid(InvalidReason::BadNumber),
        invalid(InvalidReason::UnknownTheme),
        invalid(InvalidReason::ReservedId),
        invalid(InvalidReason::ControlCharacter),
        invalid(InvalidReason::MissingAgreementLevel),
        invalid(InvalidReason::BadActionStatus),
    ]
}

/// The compiler proves every string exists in both languages; this catches
/// a Dutch string pasted into the English catalogue and left there.
#[test]
fn english_strings_are_not_the_dutch_ones_left_untranslated() {
    let (en, nl) = (Lang::En.catalogue(), Lang::Nl.catalogue());
    let mut same = Vec::new();
    let mut check = |what: String, en: String, nl: String| {
        if en == nl {
            same.push(format!("{what}: {en:?}"));
        }
    };
    for help in ALL_HELP {
        check(
            format!("help_long {help:?}"),
            (en.help_long)(help).into(),
            (nl.help_long)(help).into(),
        );
    }
    for kind in every_problem_kind() {
        check(
            format!("problem {kind:?}"),
            (en.problem)(&kind),
            (nl.problem)(&kind),
        );
    }
    for verdict in [
        Verdict::Robust,
        Verdict::RobustWithAttention,
        Verdict::FollowUp,
    ] {
        check(
            format!("verdict {verdict:?}"),
            (en.verdict)(verdict).into(),
            (nl.verdict)(verdict).into(),
        );
    }
    let fixed = [
        ("tagline", en.tagline, nl.tagline),
        ("start_title", en.start_title, nl.start_title),
        ("start_intro", en.start_intro, nl.start_intro),
        ("menu_new_scan", en.menu_new_scan, nl.menu_new_scan),
        ("unsaved", en.unsaved, nl.unsaved),
        ("confirm_quit", en.confirm_quit, nl.confirm_quit),
        ("answer_save", en.answer_save, nl.answer_save),
        ("help_title", en.help_title, nl.help_title),
        ("help_start_intro", en.help_start_intro, nl.help_start_intro),
        (
            "help_walkthrough_intro",
            en.help_walkthrough_intro,
            nl.help_walkthrough_intro,
        ),
        (
            "help_summary_intro",
            en.help_summary_intro,
            nl.help_summary_intro,
        ),
        ("summary_title", en.summary_title, nl.summary_title),
        ("override_intro", en.override_intro, nl.override_intro),
        ("read_only_badge", en.read_only_badge, nl.read_only_badge),
        (
            "frameworks_header",
            en.frameworks_header,
            nl.frameworks_header,
        ),
        ("report.reasons", en.report.reasons, nl.report.reasons),
        (
            "report.attention_points",
            en.report.attention_points,
            nl.report.attention_points,
        ),
        (
            "report.no_attention",
            en.report.no_attention,
            nl.report.no_attention,
        ),
    ];
    for (what, en, nl) in fixed {
        check(what.into(), en.into(), nl.into());
    }
    check(
        "progress".into(),
        (en.progress)(12, 22),
        (nl.progress)(12, 22),
    );
    check(
        "incomplete".into(),
        (en.incomplete)(12, 22),
        (nl.incomplete)(12, 22),
    );
    check(
        "too_small".into(),
        (en.too_small)(60, 20, 80, 24),
        (nl.too_small)(60, 20, 80, 24),
    );
    check("check_ok".into(), (en.check_ok)("f"), (nl.check_ok)("f"));
    check(
        "report.date_long".into(),
        (en.report.date_long)(jiff::civil::date(2026, 3, 5)),
        (nl.report.date_long)(jiff::civil::date(2026, 3, 5)),
    );
    assert!(same.is_empty(), "untranslated:\n{}", same.join("\n"));
}
