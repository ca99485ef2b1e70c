//! An overview of many scans (many regions, or one region over the years):
//! one row per scan, counts per verdict, a heatmap of criteria by scan, and
//! per criterion the median and spread. Scans are grouped by framework id and
//! version, never mixed. Aggregated figures of a group smaller than a
//! threshold are suppressed, so a single region cannot be singled out.
//! Pure: scans in, an [`Overview`] out.

use super::scan::Scan;
use super::scoring::{Verdict, evaluate};

/// The default smallest group whose aggregated figures are shown.
pub const DEFAULT_MIN_GROUP: usize = 5;

/// One scan as a row of the overview.
#[derive(Debug, Clone, PartialEq)]
pub struct OverviewRow {
    pub region: String,
    pub date: jiff::civil::Date,
    /// Where the scan came from (a file name), to tell rows apart.
    pub source: String,
    pub verdict: Verdict,
    /// Unfinished, or nothing scored.
    pub provisional: bool,
    pub total: Option<f64>,
    /// One per theme of the group's framework, in framework order.
    pub theme_scores: Vec<Option<f64>>,
    pub answered: usize,
    pub criteria: usize,
    /// One per criterion of the group's framework, in walk order: the score that counts.
    pub criterion_scores: Vec<Option<u8>>,
}

/// The median and spread of one criterion's scores over a group.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionSpread {
    pub criterion_id: String,
    pub title: String,
    /// How many scans of the group have a score that counts here.
    pub scored: usize,
    /// `None` when nothing was scored or the figures are suppressed.
    pub median: Option<f64>,
    pub lowest: Option<u8>,
    pub highest: Option<u8>,
}

/// Scans of one framework id and version.
#[derive(Debug, Clone, PartialEq)]
pub struct OverviewGroup {
    pub framework_id: String,
    pub framework_title: String,
    pub framework_version: String,
    /// The highest level of the group's answer scale, for shading a heatmap.
    pub scale_max: u8,
    /// (id, title) per theme, in framework order.
    pub themes: Vec<(String, String)>,
    /// (id, title) per criterion, in walk order.
    pub criteria: Vec<(String, String)>,
    /// Sorted by region, then date.
    pub rows: Vec<OverviewRow>,
    /// How many scans per verdict, weakest first; `None` when suppressed.
    pub verdict_counts: Option<Vec<(Verdict, usize)>>,
    /// One per criterion, in walk order.
    pub spreads: Vec<CriterionSpread>,
    /// True when the group is smaller than the threshold.
    pub suppressed: bool,
}

impl OverviewGroup {
    /// How many different regions the rows are of.
    pub fn region_count(&self) -> usize {
        let mut regions: Vec<&str> = self.rows.iter().map(|row| row.region.as_str()).collect();
        regions.sort_unstable();
        regions.dedup();
        regions.len()
    }
}

/// Every group, largest first (then by framework id and version).
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    pub groups: Vec<OverviewGroup>,
    pub min_group: usize,
    /// Homework scans (prepared for one side) left out: they are no region's result.
    pub homework_left_out: usize,
}

impl Overview {
    pub fn scan_count(&self) -> usize {
        self.groups.iter().map(|group| group.rows.len()).sum()
    }
}

/// The median of sorted values.
fn median(sorted: &[u8]) -> Option<f64> {
    let middle = sorted.len() / 2;
    match sorted.len() {
        0 => None,
        n if n % 2 == 1 => Some(f64::from(sorted[middle])),
        _ => Some((f64::from(sorted[middle - 1]) + f64::from(sorted[middle])) / 2.0),
    }
}

/// One row per scan; `scans` are (source name, scan). Homework is left out.
pub fn overview(scans: &[(String, Scan)], min_group: usize) -> Overview {
    let mut groups: Vec<OverviewGroup> = Vec::new();
    let mut homework_left_out = 0;
    for (source, scan) in scans {
        if scan.prepared_for.is_some() {
            homework_left_out += 1;
            continue;
        }
        let framework = &scan.framework;
        let position = groups.iter().position(|group| {
            group.framework_id == framework.id && group.framework_version == framework.version
        });
        let index = position.unwrap_or_else(|| {
            groups.push(OverviewGroup {
                framework_id: framework.id.clone(),
                framework_title: framework.title.clone(),
                framework_version: framework.version.clone(),
                scale_max: framework
                    .scale
                    .levels
                    .iter()
                    .map(|l| l.value)
                    .max()
                    .unwrap_or(1),
                themes: framework
                    .themes
                    .iter()
                    .map(|theme| (theme.id.clone(), theme.title.clone()))
                    .collect(),
                criteria: framework
                    .criteria()
                    .map(|entry| (entry.criterion.id.clone(), entry.criterion.title.clone()))
                    .collect(),
                rows: Vec::new(),
                verdict_counts: None,
                spreads: Vec::new(),
                suppressed: false,
            });
            groups.len() - 1
        });
        let group = &mut groups[index];
        let evaluation = evaluate(scan);
        group.rows.push(OverviewRow {
            region: scan.meta.region.clone(),
            date: scan.meta.date,
            source: source.clone(),
            verdict: evaluation.verdict(),
            provisional: !evaluation.is_complete() || evaluation.nothing_scored(),
            total: evaluation.total,
            // The group's themes and criteria are this scan's: same id and version.
            theme_scores: group
                .themes
                .iter()
                .map(|(id, _)| evaluation.theme(id).and_then(|theme| theme.score))
                .collect(),
            answered: evaluation.progress.answered,
            criteria: evaluation.progress.total,
            criterion_scores: group
                .criteria
                .iter()
                .map(|(id, _)| evaluation.criterion(id).and_then(|c| c.counting_score()))
                .collect(),
        });
    }
    for group in &mut groups {
        group.rows.sort_by(|a, b| {
            (a.region.as_str(), a.date, a.source.as_str()).cmp(&(
                b.region.as_str(),
                b.date,
                b.source.as_str(),
            ))
        });
        group.suppressed = group.rows.len() < min_group;
        group.verdict_counts = (!group.suppressed).then(|| {
            Verdict::ALL
                .into_iter()
                .map(|verdict| {
                    let count = group.rows.iter().filter(|r| r.verdict == verdict).count();
                    (verdict, count)
                })
                .collect()
        });
        group.spreads = group
            .criteria
            .iter()
            .enumerate()
            .map(|(index, (id, title))| {
                let mut scores: Vec<u8> = group
                    .rows
                    .iter()
                    .filter_map(|row| row.criterion_scores[index])
                    .collect();
                scores.sort_unstable();
                // A criterion few scans scored would single those out too.
                let shown = !group.suppressed && scores.len() >= min_group;
                CriterionSpread {
                    criterion_id: id.clone(),
                    title: title.clone(),
                    scored: scores.len(),
                    median: if shown { median(&scores) } else { None },
                    lowest: if shown { scores.first().copied() } else { None },
                    highest: if shown { scores.last().copied() } else { None },
                }
            })
            .collect();
    }
    groups.sort_by(|a, b| {
        b.rows.len().cmp(&a.rows.len()).then_with(|| {
            (a.framework_id.as_str(), a.framework_version.as_str())
                .cmp(&(b.framework_id.as_str(), b.framework_version.as_str()))
        })
    });
    Overview {
        groups,
        min_group,
        homework_left_out,
    }
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3]), Some(3.0));
        assert_eq!(median(&[1, 2, 4]), Some(2.0));
        assert_eq!(median(&[1, 2, 3, 4]), Some(2.5));
    }
}
