//! SEO spam that sites inject into pages: a `主站蜘蛛池模板:` line of junk titles, or any line
//! that is nothing but a long `|`-separated list of short titles.

const SPAM_PREFIXES: &[&str] = &["主站蜘蛛池模板", "蜘蛛池", "友情链接"];

/// True for a line that is injected spam, never article text.
pub fn is_spam_line(line: &str) -> bool {
    let t = line.trim();
    if SPAM_PREFIXES.iter().any(|p| t.starts_with(p)) {
        return true;
    }
    let pieces: Vec<&str> = t.split(['|', '\u{FF5C}']).map(str::trim).collect();
    pieces.len() >= 8 && pieces.iter().all(|p| p.chars().count() <= 24)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spam_lines() {
        assert!(is_spam_line(
            "主站蜘蛛池模板: 高清影院在线| 免费剧集大全| 热门综艺"
        ));
        assert!(is_spam_line(&"电视剧在线| ".repeat(10)));
        assert!(!is_spam_line(
            "By LI HUA in Jinan, Shandong | China Daily | Updated: 2025-11-03 10:15"
        ));
        assert!(!is_spam_line("学院与企业共建实训基地,推动合作办学。"));
    }
}
