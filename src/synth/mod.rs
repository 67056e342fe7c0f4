//! A synthetic raw corpus, for benchmarks and tests: files in the layouts of SPEC §1
//! (listing pages, single news pages, full web pages, reversed pages, school pages), with
//! Chinese prose and English machine summaries written from our own templates. The output
//! is a pure function of the seed and the article count.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

mod words;

use words::*;

/// A small deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1).max(1)
    }

    /// One of the items (the slice must not be empty).
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        let i = (self.next_u64() % items.len().max(1) as u64) as usize;
        items[i.min(items.len().saturating_sub(1))]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// What was generated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: Vec<PathBuf>,
    pub articles: usize,
    pub bytes: u64,
}

/// The facts of one synthetic story.
struct Story {
    province: usize,
    sector: usize,
    year: u64,
    month: u64,
    day: u64,
    hour: u64,
    minute: u64,
    schools: u64,
    firms: u64,
    programs: u64,
    graduates: u64,
    serial: u64,
}

impl Story {
    fn new(rng: &mut Rng, serial: u64) -> Story {
        Story {
            province: rng.range(0, PROVINCES.len() as u64 - 1) as usize,
            sector: rng.range(0, SECTORS.len() as u64 - 1) as usize,
            year: rng.range(2024, 2025),
            month: rng.range(1, 12),
            day: rng.range(1, 28),
            hour: rng.range(0, 23),
            minute: rng.range(0, 59),
            schools: rng.range(3, 120),
            firms: rng.range(5, 400),
            programs: rng.range(4, 90),
            graduates: rng.range(200, 9000),
            serial,
        }
    }

    fn dateline(&self, rng: &mut Rng) -> String {
        let sep = if rng.chance(80) { "· " } else { "·" };
        format!(
            "{}{sep}{}-{:02}-{:02} {:02}:{:02}",
            rng.pick(OUTLETS),
            self.year,
            self.month,
            self.day,
            self.hour,
            self.minute
        )
    }

    fn zh_title(&self, rng: &mut Rng) -> String {
        let (p, city) = (
            &PROVINCES[self.province],
            rng.pick(PROVINCES[self.province].2),
        );
        let s = &SECTORS[self.sector];
        match rng.range(0, 3) {
            0 => format!(
                "{}{}:{}赋能产教融合 新增{}个紧缺专业",
                p.1, city, s.1, self.programs
            ),
            1 => format!(
                "{}职业教育对接{}产业链 {}所院校牵手{}家企业",
                city, s.1, self.schools, self.firms
            ),
            2 => format!(
                "产教联合体助力{}{}发展 年培养技能人才{}人",
                p.1, s.1, self.graduates
            ),
            _ => format!(
                "{}推进市域产教联合体建设 聚焦{}(第{}期)",
                city,
                s.1,
                self.serial % 97 + 1
            ),
        }
    }

    fn en_title(&self, rng: &mut Rng) -> String {
        let (p, city) = (
            &PROVINCES[self.province],
            rng.pick(PROVINCES[self.province].3),
        );
        let s = &SECTORS[self.sector];
        match rng.range(0, 2) {
            0 => format!("{city} links vocational schools with {} employers", s.2),
            1 => format!("{} expands industry-education integration in {}", p.0, s.2),
            _ => format!(
                "Skilled workers for {}: {} colleges partner with {} firms",
                s.2, self.schools, self.firms
            ),
        }
    }

    fn zh_body(&self, rng: &mut Rng) -> String {
        let p = &PROVINCES[self.province];
        let s = &SECTORS[self.sector];
        let city = rng.pick(p.2);
        let mut out = String::new();
        let paragraphs = rng.range(3, 6);
        for _ in 0..paragraphs {
            let sentences = rng.range(2, 4);
            for _ in 0..sentences {
                let t = rng.pick(ZH_SENTENCES);
                let line = t
                    .replace("{省}", p.1)
                    .replace("{市}", city)
                    .replace("{业}", s.1)
                    .replace("{词}", rng.pick(s.3))
                    .replace("{校}", &self.schools.to_string())
                    .replace("{企}", &self.firms.to_string())
                    .replace("{专}", &self.programs.to_string())
                    .replace("{人}", &self.graduates.to_string())
                    .replace("{术}", rng.pick(DOMAIN));
                out.push_str(&line);
            }
            out.push('\n');
        }
        if rng.chance(30) {
            out.push_str(rng.pick(CREDITS));
            out.push('\n');
        }
        out
    }

    fn en_body(&self, rng: &mut Rng) -> String {
        let p = &PROVINCES[self.province];
        let s = &SECTORS[self.sector];
        let city = rng.pick(p.3);
        let fill = |t: &str, rng: &mut Rng| {
            t.replace("{P}", p.0)
                .replace("{C}", city)
                .replace("{S}", s.2)
                .replace("{K}", rng.pick(s.4))
                .replace("{n}", &self.schools.to_string())
                .replace("{m}", &self.firms.to_string())
                .replace("{k}", &self.programs.to_string())
                .replace("{g}", &self.graduates.to_string())
        };
        let mut out = String::new();
        let head = rng.pick(&["Core Viewpoint", "Core Insights", "Core Points"]);
        let _ = write!(
            out,
            "{head} - {} [1][2]. ",
            fill(rng.pick(EN_SENTENCES), rng)
        );
        for g in 1..=rng.range(2, 4) {
            let _ = write!(out, "Group {g}: {} - ", rng.pick(EN_HEADINGS));
            for _ in 0..rng.range(2, 3) {
                let _ = write!(out, "{} [{}]. - ", fill(rng.pick(EN_SENTENCES), rng), g + 1);
            }
        }
        out.truncate(out.trim_end_matches([' ', '-']).len());
        out.push('\n');
        out
    }

    fn body(&self, rng: &mut Rng, english: bool) -> String {
        if english {
            self.en_body(rng)
        } else {
            self.zh_body(rng)
        }
    }
}

fn listing(rng: &mut Rng, entries: usize, serial: &mut u64) -> String {
    let mut out = String::new();
    if rng.chance(30) {
        out.push_str("Workflow\n");
    }
    out.push_str(rng.pick(TOPICS));
    out.push('\n');
    if rng.chance(30) {
        out.push_str("icon\n");
    }
    out.push_str("Search documents\n");
    for _ in 0..entries {
        *serial += 1;
        let st = Story::new(rng, *serial);
        let english = rng.chance(55);
        out.push_str(&st.zh_title(rng));
        out.push('\n');
        out.push_str(&st.dateline(rng));
        out.push('\n');
        out.push_str(&st.body(rng, english));
    }
    out
}

fn single(rng: &mut Rng, serial: u64) -> String {
    let st = Story::new(rng, serial);
    let english = rng.chance(40);
    format!(
        "{}\n{}\n\n{}",
        st.zh_title(rng),
        st.dateline(rng),
        st.body(rng, english)
    )
}

fn web_page(rng: &mut Rng, serial: u64) -> String {
    let st = Story::new(rng, serial);
    let p = &PROVINCES[st.province];
    let city = rng.pick(p.3);
    let mut out = String::from("Global Edition\nChina\nHome / China / Education\n\n");
    let _ = writeln!(out, "{}\n", st.en_title(rng));
    let _ = writeln!(
        out,
        "By {} in {city}, {} | China Daily | Updated: {}-{:02}-{:02} {:02}:{:02}\nShare\nShare - WeChat",
        rng.pick(REPORTERS),
        p.0,
        st.year,
        st.month,
        st.day,
        st.hour,
        st.minute
    );
    let _ = writeln!(
        out,
        "Students practise at a training base in {city}. PHOTO/FOR CHINA DAILY\n"
    );
    for _ in 0..rng.range(4, 8) {
        let s = &SECTORS[st.sector];
        let t = rng.pick(EN_PARAGRAPHS);
        let _ = writeln!(
            out,
            "{}\n",
            t.replace("{P}", p.0)
                .replace("{C}", city)
                .replace("{S}", s.2)
                .replace("{n}", &st.schools.to_string())
                .replace("{m}", &st.firms.to_string())
        );
    }
    out.push_str("Copyright 1995 - 2025. All rights reserved.\nFOLLOW US\n");
    out
}

fn reversed(rng: &mut Rng, serial: u64) -> String {
    let st = Story::new(rng, serial);
    format!(
        "{}{}\n{}\n",
        st.en_body(rng),
        st.en_title(rng),
        st.dateline(rng)
    )
}

fn school_page(rng: &mut Rng, serial: u64) -> String {
    let st = Story::new(rng, serial);
    let mut body = st.zh_body(rng);
    if rng.chance(25) {
        body = crate::synth::words::traditional(&body);
    }
    format!(
        "{}\n{}\n(稿件来源:{}职业技术学院 作者:{})\n",
        st.zh_title(rng),
        body.trim_end(),
        rng.pick(PROVINCES[st.province].2),
        rng.pick(REPORTERS)
    )
}

/// The text of one listing page with `entries` articles: what the "add one file" benchmark
/// drops into a built corpus.
pub fn listing_page(seed: u64, entries: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut serial = seed.wrapping_mul(1_000_003);
    listing(&mut rng, entries, &mut serial)
}

/// Writes a corpus of about `articles` articles into `dir` (in subfolders of 500 files).
pub fn generate(dir: &Path, articles: usize, seed: u64) -> io::Result<Summary> {
    let mut rng = Rng::new(seed);
    let mut summary = Summary::default();
    let mut serial = 0u64;
    let mut n = 0usize;
    while summary.articles < articles {
        let left = articles - summary.articles;
        let (text, count) = match rng.range(0, 9) {
            0..=3 if left > 1 => {
                let k = (rng.range(4, 14) as usize).min(left);
                (listing(&mut rng, k, &mut serial), k)
            }
            4..=6 => {
                serial += 1;
                (single(&mut rng, serial), 1)
            }
            7 => {
                serial += 1;
                (web_page(&mut rng, serial), 1)
            }
            8 => {
                serial += 1;
                (reversed(&mut rng, serial), 1)
            }
            _ => {
                serial += 1;
                (school_page(&mut rng, serial), 1)
            }
        };
        let sub = dir.join(format!("{:04}", n / 500));
        if n.is_multiple_of(500) {
            std::fs::create_dir_all(&sub)?;
        }
        let path = sub.join(format!("{n:06}_{:08x}.txt", rng.next_u64() as u32));
        std::fs::write(&path, text.as_bytes())?;
        summary.bytes += text.len() as u64;
        summary.articles += count;
        summary.files.push(path);
        n += 1;
    }
    Ok(summary)
}
