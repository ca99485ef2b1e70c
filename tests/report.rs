//! The reports, as pure functions: golden snapshots of every format for every
//! example scan in `scans/examples/` and for the scans built in
//! `support/report_scans.rs`; the CSV read back with a CSV parser; the HTML
//! parsed as XML; the JSON parsed and checked key by key.

#[path = "support/report_scans.rs"]
mod report_scans;

use std::path::{Path, PathBuf};

use quick_xml::events::Event;
use zelfscan::i18n::{Catalogue, Lang};
use zelfscan::model::{Answer, Scan};
use zelfscan::report::{Format, render};

fn text() -> &'static Catalogue {
    Lang::Nl.catalogue()
}

/// The report with the program version replaced, so a version bump does not
/// change every snapshot.
fn rendered(scan: &Scan, format: Format) -> String {
    render(scan, format, text()).replace(env!("CARGO_PKG_VERSION"), "[versie]")
}

/// The example scans shipped in `scans/examples/`, by file stem, sorted.
fn example_scans() -> Vec<(String, Scan)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("scans/examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .map(|file| {
            let stem = file
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .unwrap_or_default();
            let scan = zelfscan::storage::load_scan(&file)
                .unwrap_or_else(|error| panic!("{}: {error:?}", file.display()))
                .value;
            (format!("example-{stem}"), scan)
        })
        .collect()
}

/// Every scan the tests render: the examples and the in-code ones.
fn all_scans() -> Vec<(String, Scan)> {
    let mut scans = example_scans();
    scans.extend(
        report_scans::all()
            .into_iter()
            .map(|(name, scan)| (name.to_string(), scan)),
    );
    scans
}

const BOM: &str = "\u{feff}";

// ---------------------------------------------------------------- snapshots

#[test]
fn snapshots_of_every_format_for_every_scan() {
    for (name, scan) in all_scans() {
        for format in Format::ALL {
            let report = rendered(&scan, format);
            let shown = if format == Format::Csv {
                // The BOM and CRLF are checked in the CSV tests; the snapshot
                // shows the content, which insta would otherwise normalise.
                report.trim_start_matches(BOM).replace("\r\n", "\n")
            } else {
                report
            };
            insta::assert_snapshot!(format!("{name}-{}", format.extension()), shown);
        }
    }
}

// ---------------------------------------------------------------- every report

#[test]
fn every_report_names_every_criterion_and_the_session() {
    for (name, scan) in all_scans() {
        for format in Format::ALL {
            let report = render(&scan, format, text());
            for entry in scan.framework.criteria() {
                assert!(
                    report.contains(&entry.criterion.id),
                    "{name} {format:?}: {} missing",
                    entry.criterion.id
                );
            }
            assert!(report.contains(&scan.meta.region), "{name} {format:?}");
            if format != Format::Csv {
                for participant in &scan.meta.participants {
                    assert!(
                        report.contains(&participant.name),
                        "{name} {format:?}: {}",
                        participant.name
                    );
                }
                assert!(
                    report.contains(&scan.framework.version),
                    "{name} {format:?}"
                );
                assert!(report.contains(&scan.meta.facilitator), "{name} {format:?}");
            }
        }
    }
}

#[test]
fn an_incomplete_scan_says_so_at_the_top() {
    let scan = report_scans::incomplete();
    let notice = (text().incomplete)(3, 22);
    for format in [Format::Markdown, Format::Html] {
        let report = render(&scan, format, text());
        let at = report
            .find(&notice)
            .unwrap_or_else(|| panic!("{format:?}: no notice in\n{report}"));
        let first_heading = report.find("Deelnemers").expect("participants heading");
        assert!(
            at < first_heading,
            "{format:?}: the notice is not at the top"
        );
    }
    let json = json(&scan);
    assert_eq!(json["complete"], false);
    assert_eq!(json["incomplete_notice"], notice.as_str());

    let complete = render(&report_scans::complete(), Format::Markdown, text());
    assert!(!complete.contains("nog niet af"), "{complete}");
}

#[test]
fn a_too_far_override_is_said_not_to_count() {
    let scan = report_scans::override_too_far();
    for format in [Format::Markdown, Format::Html] {
        let report = render(&scan, format, text());
        assert!(report.contains("telt daarom niet mee"), "{format:?}");
        assert!(report.contains("Vervolgtraject"), "{format:?}");
        assert!(
            report.contains("Vastgesteld vóór de laatste wijzigingen"),
            "{format:?}"
        );
    }
}

#[test]
fn an_applied_override_shows_both_verdicts_and_the_rationale() {
    let scan = report_scans::override_applied();
    let report = render(&scan, Format::Markdown, text());
    assert!(report.contains("**Oordeel: Robuust (aangepast door de gespreksleider)**"));
    assert!(report.contains("Berekend oordeel: Robuust met aandachtspunten"));
    assert!(report.contains("bekrachtigd in een convenant"));
}

#[test]
fn answers_use_the_scale_labels() {
    let report = render(&report_scans::complete(), Format::Markdown, text());
    assert!(report.contains("3 – Op orde"));
    assert!(report.contains("4 – Geborgd"));
    assert!(report.contains("Onbekend"));
    assert!(report.contains("N.v.t."));
}

#[test]
fn markdown_escapes_formatting_in_notes() {
    let report = render(&report_scans::incomplete(), Format::Markdown, text());
    assert!(report.contains("\\# geen kop"), "{report}");
    assert!(report.contains("\\- geen lijst \\*geen nadruk\\* \\| geen cel"));
    assert!(report.contains("\\<script\\>"));
    assert!(!report.contains('\u{1b}'));
}

// ---------------------------------------------------------------- CSV

#[test]
fn csv_reads_back_with_one_row_per_criterion() {
    for (name, scan) in all_scans() {
        let report = render(&scan, Format::Csv, text());
        assert!(report.starts_with(BOM), "{name}: no BOM");
        let body = &report[BOM.len()..];
        assert!(body.ends_with("\r\n"), "{name}: last line not ended");
        // Every record ends in CRLF; a bare LF only occurs inside a quoted note.
        assert_eq!(
            body.matches("\r\n").count(),
            scan.framework.criterion_count() + 1,
            "{name}: CRLF count"
        );

        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(true)
            .flexible(false)
            .from_reader(body.as_bytes());
        let header = reader.headers().expect("a header").clone();
        assert_eq!(&header[0], "Regio", "{name}");
        assert_eq!(&header[3], "Criterium", "{name}");
        let records: Vec<csv::StringRecord> = reader
            .records()
            .collect::<Result<_, _>>()
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(records.len(), scan.framework.criterion_count(), "{name}");
        let ids: Vec<&str> = records.iter().map(|record| &record[3]).collect();
        let expected: Vec<&str> = scan
            .framework
            .criteria()
            .map(|entry| entry.criterion.id.as_str())
            .collect();
        assert_eq!(ids, expected, "{name}");
        for record in &records {
            assert_eq!(record.len(), header.len(), "{name}");
        }
    }
}

/// The CSV of a scan as (header, records), read with the `csv` crate.
fn csv_table(scan: &Scan) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let report = render(scan, Format::Csv, text());
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(report.trim_start_matches(BOM).as_bytes());
    let header = reader.headers().expect("a header").clone();
    let records = reader.records().collect::<Result<_, _>>().expect("records");
    (header, records)
}

fn column(header: &csv::StringRecord, name: &str) -> usize {
    header
        .iter()
        .position(|field| field == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

#[test]
fn csv_keeps_diacritics_and_multi_line_notes() {
    let scan = report_scans::complete();
    let (header, records) = csv_table(&scan);
    let vis1 = &records[0];
    assert_eq!(&vis1[column(&header, "Titel")], "Vastgestelde regiovisie");
    assert_eq!(&vis1[column(&header, "Kritiek")], "ja");
    assert_eq!(&vis1[column(&header, "Score Gemeenten")], "4 – Geborgd");
    assert_eq!(
        &vis1[column(&header, "Notitie Gemeenten")],
        "Alle colleges én raden hebben ingestemd."
    );
    assert_eq!(
        &vis1[column(&header, "Notitie Aanbieders")],
        "Aanbieders zijn betrokken bij de consultatie; geëvalueerd is er nog niet."
    );
    assert_eq!(
        &vis1[column(&header, "Toelichting")],
        "Vastgesteld in alle raden.\nDe raad van Duinrand vroeg om een extra paragraaf over financiën."
    );
    assert_eq!(&vis1[column(&header, "Telt mee")], "4");
    assert_eq!(
        &vis1[column(&header, "Gewijzigd op")],
        "2026-11-25T10:12:03Z"
    );

    let ink2 = records
        .iter()
        .find(|record| &record[3] == "INK-2")
        .expect("INK-2");
    assert_eq!(
        &ink2[column(&header, "Actie")],
        "Meerjarige afspraken vastleggen\n1. concept: René (inkoop)\n2. besluit: stuurgroep \
         — Eigenaar: (geen eigenaar) · Uiterlijk: (geen datum) · open"
    );
    let sam2 = records
        .iter()
        .find(|record| &record[3] == "SAM-2")
        .expect("SAM-2");
    assert_eq!(
        &sam2[column(&header, "Overeenstemming")],
        "Consensus met voorbehoud"
    );
    assert!(sam2[column(&header, "Aandachtspunten")].contains("scoort 2"));
    assert!(sam2[column(&header, "Notitie Aanbieders")].contains("\"maar\""));
}

#[test]
fn csv_has_numbers_a_spreadsheet_can_sum() {
    for (name, scan) in all_scans() {
        let (header, records) = csv_table(&scan);
        let number = |record: &csv::StringRecord, column: usize| -> Option<u32> {
            let cell = &record[column];
            (!cell.is_empty()).then(|| {
                cell.parse()
                    .unwrap_or_else(|_| panic!("{name}: {cell:?} is not a number"))
            })
        };
        let mut columns: Vec<(usize, usize, Vec<Option<Answer>>)> = scan
            .framework
            .perspectives
            .iter()
            .enumerate()
            .map(|(index, perspective)| {
                (
                    column(&header, &format!("Score {}", perspective.label)),
                    column(&header, &format!("Score {} (getal)", perspective.label)),
                    scan.answers
                        .iter()
                        .map(|answer| answer.perspectives[index].score)
                        .collect(),
                )
            })
            .collect();
        columns.push((
            column(&header, "Gezamenlijk antwoord"),
            column(&header, "Gezamenlijk antwoord (getal)"),
            scan.answers.iter().map(|answer| answer.consensus).collect(),
        ));
        for (label_column, number_column, answers) in &columns {
            // The number column sums to the scores in the scan; onbekend,
            // n.v.t. and open answers are empty cells, not text.
            let sum: u32 = records
                .iter()
                .filter_map(|record| number(record, *number_column))
                .sum();
            let expected: u32 = answers
                .iter()
                .filter_map(|answer| answer.and_then(Answer::score))
                .map(u32::from)
                .sum();
            assert_eq!(sum, expected, "{name}: column {number_column}");
            for (record, answer) in records.iter().zip(answers) {
                match answer {
                    Some(Answer::Score(score)) => {
                        assert_eq!(number(record, *number_column), Some(u32::from(*score)));
                        assert!(record[*label_column].starts_with(&score.to_string()));
                    }
                    _ => assert_eq!(&record[*number_column], "", "{name}"),
                }
            }
        }
        let counting = column(&header, "Telt mee");
        let counted: u32 = records
            .iter()
            .filter_map(|record| number(record, counting))
            .sum();
        let evaluation = zelfscan::model::evaluate(&scan);
        let expected: u32 = evaluation
            .criteria
            .iter()
            .filter_map(|criterion| criterion.counting_score())
            .map(u32::from)
            .sum();
        assert_eq!(counted, expected, "{name}: counting scores");
    }
    // The bundled example with an onbekend and an n.v.t. answer has both kinds of empty cell.
    let (header, records) = csv_table(&report_scans::complete());
    let joint = column(&header, "Gezamenlijk antwoord (getal)");
    assert!(records.iter().any(|record| record[joint].is_empty()));
}

#[test]
fn csv_marks_open_criteria_and_defuses_formulas() {
    let (header, records) = csv_table(&report_scans::incomplete());
    let by_id = |id: &str| {
        records
            .iter()
            .find(|record| &record[3] == id)
            .unwrap_or_else(|| panic!("{id}"))
            .clone()
    };
    let consensus = column(&header, "Gezamenlijk antwoord");
    let status = column(&header, "Status");
    assert_eq!(&by_id("LER-3")[consensus], "open");
    assert_eq!(&by_id("LER-3")[status], "open");
    assert_eq!(&by_id("VIS-1")[consensus], "geen consensus");
    assert_eq!(&by_id("VIS-3")[status], "geparkeerd");
    assert_eq!(&by_id("SAM-1")[status], "deels ingevuld");
    assert_eq!(&by_id("SAM-2")[consensus], "Onbekend");
    let note = &by_id("VIS-2")[column(&header, "Notitie Aanbieders")];
    assert!(
        note.starts_with("'=SOM(A1:A3)\nregel twee\n\nregel vier"),
        "{note:?}"
    );
    assert!(!note.contains('\u{1b}'), "{note:?}");
}

// ---------------------------------------------------------------- HTML

/// Parses the HTML as XML and fails on any error: unclosed or mismatched
/// elements, unquoted or repeated attributes, unknown entities.
fn assert_well_formed(name: &str, html: &str) {
    let body = html
        .strip_prefix("<!DOCTYPE html>\n")
        .unwrap_or_else(|| panic!("{name}: no doctype"));
    let mut reader = quick_xml::Reader::from_str(body);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    let mut roots = 0usize;
    loop {
        let event = reader.read_event().unwrap_or_else(|error| {
            panic!(
                "{name}: not well-formed at byte {}: {error}",
                reader.buffer_position()
            )
        });
        let attributes = match &event {
            Event::Start(start) | Event::Empty(start) => Some(start.attributes()),
            _ => None,
        };
        for attribute in attributes.into_iter().flatten() {
            let attribute = attribute.unwrap_or_else(|error| panic!("{name}: {error}"));
            attribute
                .unescape_value()
                .unwrap_or_else(|error| panic!("{name}: {error}"));
        }
        match event {
            Event::Start(_) => {
                if depth == 0 {
                    roots += 1;
                }
                depth += 1;
            }
            Event::End(_) => depth -= 1,
            Event::GeneralRef(reference) => {
                if reference.is_char_ref() {
                    assert!(
                        matches!(reference.resolve_char_ref(), Ok(Some(_))),
                        "{name}: bad character reference"
                    );
                } else {
                    let entity = reference.decode().expect("utf-8");
                    assert!(
                        ["amp", "lt", "gt", "quot", "apos"].contains(&entity.as_ref()),
                        "{name}: unknown entity &{entity};"
                    );
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "{name}: unclosed elements");
    assert_eq!(roots, 1, "{name}: one html element");
}

#[test]
fn html_is_well_formed_self_contained_and_has_a_chart() {
    for (name, scan) in all_scans() {
        let html = render(&scan, Format::Html, text());
        assert_well_formed(&name, &html);
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "{name}: script");
        assert!(!lower.contains("http://"), "{name}: http reference");
        assert!(!lower.contains("https://"), "{name}: https reference");
        assert!(!lower.contains("<link"), "{name}: linked asset");
        assert!(!lower.contains("<img"), "{name}: image");
        assert!(lower.contains("<svg"), "{name}: no chart");
        assert!(lower.contains("@page { size: a4"), "{name}: no A4 page");
        assert!(!html.contains('\u{1b}'), "{name}: control character");
    }
}

#[test]
fn html_escapes_text_from_the_scan() {
    let html = render(&report_scans::incomplete(), Format::Html, text());
    assert!(html.contains(
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; ; &quot;ja&quot;"
    ));
    assert!(html.contains("Jeugdzorg &amp; Co"));
    assert!(html.contains("regel twee<br/>"));
}

#[test]
fn html_chart_has_a_bar_per_theme_and_series() {
    let scan = report_scans::complete();
    let html = render(&scan, Format::Html, text());
    let start = html.find("<svg").expect("svg");
    let end = html.find("</svg>").expect("end of svg");
    let svg = &html[start..end];
    // Legend: one swatch per series; bars: every theme has a mean per
    // perspective and a joint score in this complete scan.
    let series = scan.framework.perspectives.len() + 1;
    let bars = scan.framework.themes.len() * series;
    assert_eq!(svg.matches("<rect").count(), series + bars, "{svg}");
}

// ---------------------------------------------------------------- JSON

fn json(scan: &Scan) -> serde_json::Value {
    serde_json::from_str(&render(scan, Format::Json, text())).expect("valid JSON")
}

#[test]
fn json_holds_the_computed_result() {
    let value = json(&report_scans::complete());
    assert_eq!(value["framework"]["id"], "robuuste-jeugdhulpregio");
    assert_eq!(value["framework"]["version"], "2026.1");
    assert_eq!(value["region"], "Regio Zeeduinen");
    assert_eq!(value["date"], "2026-11-25");
    assert_eq!(value["facilitator"], "Anouk Séverin");
    assert_eq!(value["participants"][1]["name"], "Chloë van den Berg");
    assert_eq!(value["participants"][2]["perspective"], "aanbieders");
    assert_eq!(value["complete"], true);
    assert_eq!(value["verdict"]["computed"], "robuust");
    assert_eq!(value["verdict"]["final"], "robuust");
    assert_eq!(value["verdict"]["final_label"], "Robuust");
    assert_eq!(value["override"], serde_json::Value::Null);
    // Rounded to the stated precision, with the exact fraction beside it.
    assert_eq!(value["number_decimals"], 6);
    assert_eq!(value["total"], 3.166_667);
    assert_eq!(value["total_exact"], "19/6");
    assert_eq!(value["themes"][1]["score_exact"], "2.75");
    assert_eq!(value["total_text"], "3,17");
    assert_eq!(value["themes"].as_array().expect("themes").len(), 6);
    assert_eq!(value["themes"][1]["id"], "T2");
    assert_eq!(value["themes"][1]["score"], 2.75);
    assert_eq!(value["themes"][1]["perspectives"]["gemeenten"]["mean"], 3.0);
    assert_eq!(
        value["themes"][1]["perspectives"]["aanbieders"]["mean"],
        2.5
    );
    assert_eq!(value["verdict"]["reasons"][0]["kind"], "total_at_least");
    assert!(
        value["verdict"]["reasons"][0]["text"]
            .as_str()
            .expect("text")
            .starts_with("de totaalscore 3,17")
    );
    assert_eq!(value["unanswered"], serde_json::json!([]));
    let criteria = value["criteria"].as_array().expect("criteria");
    assert_eq!(criteria.len(), 22);
    assert_eq!(criteria[0]["id"], "VIS-1");
    assert_eq!(criteria[0]["consensus"], 4);
    assert_eq!(criteria[0]["consensus_label"], "4 – Geborgd");
    assert_eq!(criteria[0]["perspectives"]["gemeenten"]["score"], 4);
    assert_eq!(
        criteria[0]["perspectives"]["gemeenten"]["note"],
        "Alle colleges én raden hebben ingestemd."
    );
    assert_eq!(criteria[0]["changed_at"], "2026-11-25T10:12:03Z");
    let attention = value["attention"].as_array().expect("attention");
    assert!(
        attention.iter().any(
            |point| point["criterion"] == "SAM-2" && point["reasons"][0]["kind"] == "low_score"
        )
    );
}

#[test]
fn json_of_an_incomplete_scan_and_of_overrides() {
    let value = json(&report_scans::incomplete());
    assert_eq!(value["progress"]["answered"], 3);
    assert_eq!(value["verdict"]["provisional"], true);
    let unanswered = value["unanswered"].as_array().expect("unanswered");
    assert_eq!(unanswered.len(), 19);
    assert_eq!(unanswered[0], "VIS-3");
    let vis1 = &value["criteria"][0];
    assert_eq!(vis1["agreement"], "geen_consensus");
    assert_eq!(vis1["consensus"], serde_json::Value::Null);
    assert_eq!(vis1["counting_score"]["source"], "lowest_perspective");
    assert_eq!(vis1["counting_score"]["perspective"], "aanbieders");
    assert_eq!(value["criteria"][4]["consensus"], "onbekend");

    let value = json(&report_scans::override_applied());
    assert_eq!(value["verdict"]["computed"], "robuust_met_aandachtspunten");
    assert_eq!(value["verdict"]["final"], "robuust");
    assert_eq!(value["override"]["outcome"], "applied");

    let value = json(&report_scans::override_too_far());
    assert_eq!(value["verdict"]["computed"], "vervolgtraject");
    assert_eq!(value["verdict"]["final"], "vervolgtraject");
    assert_eq!(value["override"]["outcome"], "too_far");
    assert_eq!(value["override"]["verdict"], "robuust");
}

// ---------------------------------------------------------------- Report order

/// Byte positions of the given texts in a report; panics on a missing one.
fn positions(report: &str, texts: &[&str], name: &str) -> Vec<usize> {
    texts
        .iter()
        .map(|text| {
            report
                .find(text)
                .unwrap_or_else(|| panic!("{name}: no {text:?}"))
        })
        .collect()
}

#[test]
fn reports_open_with_the_verdict_then_what_to_do_then_the_scores() {
    for (name, scan) in all_scans() {
        let markdown = render(&scan, Format::Markdown, text());
        let order = positions(
            &markdown,
            &[
                "## Oordeel",
                "## Aandachtspunten",
                "## Scores per thema en hoe het oordeel is berekend",
                "## Deelnemers",
                "## Alle criteria in detail",
            ],
            &name,
        );
        assert!(order.is_sorted(), "{name}: markdown order {order:?}");
        let html = render(&scan, Format::Html, text());
        let order = positions(
            &html,
            &[
                "<h2>Oordeel</h2>",
                "<h2>Aandachtspunten</h2>",
                "<h2>Scores per thema en hoe het oordeel is berekend</h2>",
                "<h2>Deelnemers</h2>",
                "<h2>Alle criteria in detail</h2>",
            ],
            &name,
        );
        assert!(order.is_sorted(), "{name}: html order {order:?}");
        // Printing: nothing forces a page break, and a criterion stays whole
        // unless it is long.
        assert!(!html.contains("break-before: page"), "{name}");
        assert!(!html.contains("page-break-before: always"), "{name}");
        assert!(html.contains(".criterion { margin: 0 0 10pt; break-inside: avoid;"));
    }
}

#[test]
fn points_of_attention_are_ordered_by_severity() {
    use zelfscan::model::{AttentionPoint, AttentionReason};
    for (name, scan) in all_scans() {
        let evaluation = zelfscan::model::evaluate(&scan);
        let markdown = render(&scan, Format::Markdown, text());
        let section = &markdown[markdown.find("## Aandachtspunten").expect("section")
            ..markdown.find("## Scores per thema").expect("next section")];
        // "3. **SAM-2 Partnerschap …": the criterion ids in the order shown.
        let shown: Vec<&str> = section
            .lines()
            .filter_map(|line| line.split_once(". **"))
            .filter(|(number, _)| number.chars().all(|c| c.is_ascii_digit()))
            .filter_map(|(_, rest)| rest.split_whitespace().next())
            .collect();
        let criterion_points: Vec<(&String, &Vec<AttentionReason>)> = evaluation
            .attention
            .iter()
            .filter_map(|point| match point {
                AttentionPoint::Criterion {
                    criterion_id,
                    reasons,
                    ..
                } => Some((criterion_id, reasons)),
                AttentionPoint::ThemeUnknownShare { .. } => None,
            })
            .collect();
        assert_eq!(
            shown.len(),
            evaluation.attention.len(),
            "{name}: every point is shown once"
        );
        // Severity: critical criteria first, then low scores, then
        // disagreements; within each, the lowest counting score first.
        let severity = |id: &str| -> (u8, u8) {
            let Some((_, reasons)) = criterion_points.iter().find(|(point, _)| *point == id) else {
                return (3, u8::MAX); // a theme's point comes last
            };
            let result = evaluation.criterion(id).expect("criterion");
            let rank = if result.critical {
                0
            } else if reasons
                .iter()
                .any(|reason| matches!(reason, AttentionReason::LowScore { .. }))
            {
                1
            } else {
                2
            };
            (rank, result.counting_score().unwrap_or(u8::MAX))
        };
        let keys: Vec<(u8, u8)> = shown.iter().map(|id| severity(id)).collect();
        assert!(
            keys.is_sorted(),
            "{name}: {shown:?} has severities {keys:?}"
        );
    }
    // The example that needs a follow-up starts with its critical criterion
    // scoring 1, with the note that explains it and its action.
    let scan = example_scans()
        .into_iter()
        .find(|(name, _)| name.contains("vervolgtraject"))
        .expect("the vervolgtraject example")
        .1;
    let markdown = render(&scan, Format::Markdown, text());
    let first = markdown
        .lines()
        .find(|line| line.starts_with("1. **"))
        .expect("a first point");
    assert!(first.starts_with("1. **STR-1 "), "{first}");
    let point =
        &markdown[markdown.find(first).expect("first")..markdown.find("\n2. **").expect("second")];
    assert!(
        point.contains("*Toelichting:* Er is geen gemeenschappelijke regeling"),
        "{point}"
    );
    assert!(point.contains("*Actie:* Juridisch advies"), "{point}");
}

/// Parses "2,33" or "0,5" as written in a Dutch report.
fn dutch_number(text: &str) -> f64 {
    text.trim()
        .trim_matches('*')
        .replace(',', ".")
        .parse()
        .unwrap_or_else(|_| panic!("not a number: {text:?}"))
}

#[test]
fn a_reader_can_recompute_the_total_from_the_report() {
    for (name, scan) in all_scans() {
        let evaluation = zelfscan::model::evaluate(&scan);
        let Some(total) = evaluation.total else {
            continue;
        };
        let markdown = render(&scan, Format::Markdown, text());
        // The theme table: "| T1 Visie (kernthema) | … | score | weight | score × weight |".
        let (mut weighted, mut weights) = (0.0, 0.0);
        for line in markdown.lines().filter(|line| {
            line.strip_prefix("| T")
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        }) {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
            let [.., score, weight, product] = cells.as_slice() else {
                panic!("{name}: {line}");
            };
            if score.trim() == "–" || dutch_number(weight) == 0.0 {
                continue;
            }
            assert!(
                (dutch_number(score) * dutch_number(weight) - dutch_number(product)).abs() < 0.011,
                "{name}: {line}"
            );
            weighted += dutch_number(score) * dutch_number(weight);
            weights += dutch_number(weight);
        }
        // Theme scores are shown to two decimals, so the recomputed total is
        // within a hundredth of the real one.
        assert!(
            (weighted / weights - total).abs() < 0.01,
            "{name}: {weighted} / {weights} against {total}"
        );
        assert!(markdown.contains("Totaalscore = "), "{name}");
        // The thresholds that decide the verdict are in the document.
        let rule = &scan.framework.weighting;
        for threshold in [rule.follow_up_total_below, rule.robust_total_at_least] {
            let written = format!("{threshold:.2}").replace('.', ",");
            assert!(markdown.contains(&written), "{name}: {written}");
        }
        assert!(markdown.contains("Vervolgtraject als de totaalscore lager is dan 2,50"));
        assert!(markdown.contains("Robuust als de totaalscore minstens 3,00 is"));
    }
}

/// The bundled framework grown to a five-point scale, three perspectives and
/// eight themes with long titles: narrow bars and long theme names.
fn wide_scan() -> Scan {
    use zelfscan::model::{Agreement, Answer, Perspective, ScaleLevel};
    let mut scan = report_scans::complete();
    let framework = &mut scan.framework;
    framework.scale.levels.push(ScaleLevel {
        value: 5,
        label: "Voorbeeldig".to_owned(),
        meaning: "Een voorbeeld voor andere regio's.".to_owned(),
        extra: Default::default(),
    });
    framework.perspectives.push(Perspective {
        id: "jeugdigen".to_owned(),
        label: "Jeugdigen en ouders".to_owned(),
        extra: Default::default(),
    });
    let mut extra_themes = framework.themes[..2].to_vec();
    for (index, theme) in extra_themes.iter_mut().enumerate() {
        theme.id = format!("T{}", 7 + index);
        theme.title = "Informatievoorziening en gegevensuitwisseling".to_owned();
        for criterion in &mut theme.criteria {
            criterion.id = format!("{}-X", criterion.id);
        }
    }
    let extra_answers: Vec<_> = scan.answers[..extra_themes
        .iter()
        .map(|theme| theme.criteria.len())
        .sum::<usize>()]
        .to_vec();
    scan.framework.themes.extend(extra_themes);
    scan.answers.extend(extra_answers);
    for (index, answer) in scan.answers.iter_mut().enumerate() {
        let score = u8::try_from(index % 5).expect("small") + 1;
        answer
            .perspectives
            .push(zelfscan::model::PerspectiveAnswer {
                score: Some(Answer::Score(score)),
                ..Default::default()
            });
        answer.consensus = Some(Answer::Score(score));
        answer.agreement = Some(Agreement::Consensus);
    }
    scan
}

#[test]
fn the_chart_starts_at_the_bottom_of_the_scale_and_cuts_nothing() {
    for (name, scan) in [
        ("complete".to_owned(), report_scans::complete()),
        ("wide".to_owned(), wide_scan()),
    ] {
        let html = render(&scan, Format::Html, text());
        let svg = &html[html.find("<svg").expect("a chart")..html.find("</svg>").expect("end")];
        let lowest = scan.framework.scale.levels[0].value;
        // The axis is labelled from the lowest level up; no 0 below a 1–n scale.
        assert!(!svg.contains(">0</text>"), "{name}");
        assert!(svg.contains(&format!(">{lowest}</text>")), "{name}");
        // Every word of every theme title is in the chart, whole.
        for theme in &scan.framework.themes {
            for word in theme.title.split_whitespace() {
                assert!(svg.contains(word), "{name}: {word} of {}", theme.title);
            }
        }
        // Value labels: upright only when every label fits over its bar.
        let rotated = svg.contains("rotate(-90");
        assert_eq!(rotated, name == "wide", "{name}: labels on their side");
    }
}

#[test]
fn json_totals_are_exact_not_floating_point_noise() {
    use zelfscan::model::{Agreement, Answer};
    // Weights like these add up to 2.9999999999999996 in floating point.
    let mut scan = report_scans::complete();
    scan.framework.weighting.theme_weights = ["T1", "T2", "T3", "T4", "T5", "T6"]
        .iter()
        .zip([0.1, 0.2, 0.7, 0.1, 0.2, 0.3])
        .map(|(id, weight)| ((*id).to_owned(), weight))
        .collect();
    for answer in &mut scan.answers {
        answer.consensus = Some(Answer::Score(3));
        answer.agreement = Some(Agreement::Consensus);
    }
    let value = json(&scan);
    assert_eq!(value["total"], 3.0);
    assert_eq!(value["total_exact"], "3");
    assert_eq!(value["themes"][5]["weight"], 0.3);
    let reason = &value["verdict"]["reasons"][0];
    assert_eq!(reason["kind"], "total_at_least");
    assert_eq!(reason["total_exact"], "3");
    assert_eq!(reason["threshold_exact"], "3");
}
