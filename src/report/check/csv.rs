//! `claimdiff check --format csv`: one row per claim and source.

use crate::claims::CheckReport;

const HEADER: &[&str] = &[
    "claim_id",
    "claim",
    "verdict",
    "expect",
    "source",
    "source_verdict",
    "evidence",
    "value",
    "start",
    "end",
    "reason",
];

/// The check as CSV. A source with several passages to cite gets one row per
/// passage; one that cites none gets one row with empty evidence.
pub fn report(r: &CheckReport) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER)
        .expect("writing to memory cannot fail");
    for c in &r.claims {
        let expect = c.expect.map(|e| e.as_str()).unwrap_or("");
        for s in &c.sources {
            let base = [
                c.id.as_str(),
                c.claim.as_str(),
                c.verdict.as_str(),
                expect,
                s.source.as_str(),
                s.verdict.as_str(),
            ];
            if s.evidence.is_empty() {
                let mut row: Vec<String> = base.iter().map(|x| x.to_string()).collect();
                row.extend(["", "", "", ""].map(String::from));
                row.push(s.reason.clone());
                w.write_record(&row).expect("writing to memory cannot fail");
            }
            for e in &s.evidence {
                let mut row: Vec<String> = base.iter().map(|x| x.to_string()).collect();
                row.push(e.text.clone());
                row.push(e.value.clone().unwrap_or_default());
                row.push(e.start.to_string());
                row.push(e.end.to_string());
                row.push(s.reason.clone());
                w.write_record(&row).expect("writing to memory cannot fail");
            }
        }
    }
    let bytes = w.into_inner().expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8")
}
