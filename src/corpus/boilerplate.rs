//! Site chrome written as text, which scrapers copy along with an article wherever it stands:
//! QR-code and follow-us prompts (`扫码关注公众号`), disclaimers (`本文来源于网络，版权归原作者
//! 所有`), advertisement lines (`【广告】…`) and lines of nothing but arrows pointing at a
//! picture (`↓↓↓`). The rules look at the shape of a line, so that a sentence of the article
//! that mentions a WeChat account or a QR code in passing stays.

use crate::text::at_most_chars;

/// The longest prompt: a prompt is a short call to the reader, never a sentence of news.
const PROMPT_MAX: usize = 24;

/// The longest disclaimer paragraph.
const DISCLAIMER_MAX: usize = 120;

/// True for a line or paragraph that is site chrome, never article text.
pub fn is_boilerplate(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && (is_arrows(t) || is_prompt(t) || is_disclaimer(t) || is_ad(t))
}

fn is_arrow(c: char) -> bool {
    matches!(c,
        '\u{2190}'..='\u{21FF}'        // ← ↑ → ↓ and their kin
        | '\u{27A1}'                   // ➡
        | '\u{27F0}'..='\u{27FF}'      // long arrows
        | '\u{2900}'..='\u{297F}'      // supplemental arrows
        | '\u{2B00}'..='\u{2B0D}'      // ⬅ ⬆ ⬇
        | '\u{25B2}'..='\u{25C5}'      // ▲ △ ▼ ▽ ► ◄
        | '\u{1F446}'..='\u{1F449}'    // 👆 👇 👈 👉
    )
}

/// `↓↓↓`, `👇 👇`: arrows pointing at a QR code or a button.
fn is_arrows(t: &str) -> bool {
    // `all` first: a line of prose stops it at its first character.
    t.chars()
        .all(|c| is_arrow(c) || c.is_whitespace() || c == '\u{FE0F}')
        && t.chars().any(is_arrow)
}

/// How a call to the reader begins: scan, press, click, follow, download.
const PROMPT_STARTS: &[&str] = &[
    "扫",
    "长按",
    "点击",
    "点这里",
    "戳",
    "关注",
    "请关注",
    "敬请关注",
    "欢迎",
    "下载",
    "识别",
    "微信搜索",
    "搜索",
    "添加",
    "更多",
];

/// The channels a call to the reader sends to (compared in lower case: `APP`, `App`).
const CHANNELS: &[&str] = &[
    "公众号",
    "二维码",
    "app",
    "客户端",
    "小程序",
    "视频号",
    "微博",
];

/// Besides a channel, what a call to the reader may end on: what the reader gets there.
const PROMPT_ENDS: &[&str] = &[
    "我们", "资讯", "精彩", "内容", "原文", "详情", "更多", "关注", "订阅", "官微",
];

/// Besides a channel, how a call to the reader may name where it sends to.
const PROMPT_NAMES: &[&str] = &["阅读原文", "扫码", "扫一扫", "关注我们", "关注本", "微信"];

/// `扫一扫，关注我们的微信公众号`, `长按识别二维码关注我们`, `点击下方二维码下载APP`: a short
/// line that begins as a call to the reader, names a channel and ends on it.
fn is_prompt(t: &str) -> bool {
    // Arrows may frame it: `↓ 点击阅读原文 ↓`.
    let t = t.trim_matches(|c: char| is_arrow(c) || c.is_whitespace() || c == '\u{FE0F}');
    if !at_most_chars(t, PROMPT_MAX) {
        return false;
    }
    let core = t
        .trim_end_matches(['。', '！', '!', '~', '～', '…', '.', '：', ':', ' '])
        .to_ascii_lowercase();
    PROMPT_STARTS.iter().any(|s| core.starts_with(s))
        && CHANNELS
            .iter()
            .chain(PROMPT_ENDS)
            .any(|e| core.ends_with(e))
        && CHANNELS
            .iter()
            .chain(PROMPT_NAMES)
            .any(|c| core.contains(c))
}

/// A site's standing words about copyright and responsibility.
const DISCLAIMER_PHRASES: &[&str] = &[
    "版权归原作者",
    "本文来源于网络",
    "本文来自网络",
    "转载请注明",
    "仅为传播更多信息",
    "不代表本站",
    "不代表本网",
    "不代表本平台",
];

/// `【免责声明】…`, `本文来源于网络，版权归原作者所有。`, `如有侵权请联系删除`.
fn is_disclaimer(t: &str) -> bool {
    let head = t.trim_start_matches(['【', '[', '(', '\u{FF08}']);
    if ["免责声明", "版权声明", "郑重声明"]
        .iter()
        .any(|s| head.starts_with(s))
    {
        return true;
    }
    at_most_chars(t, DISCLAIMER_MAX)
        && (DISCLAIMER_PHRASES.iter().any(|p| t.contains(p))
            || (t.contains("如有侵权") && (t.contains("联系") || t.contains("删除"))))
}

/// `【广告】…`, `[推广]…`, `广告：…`: a line the site sold.
fn is_ad(t: &str) -> bool {
    let head = t.trim_start_matches(['【', '[', '(', '\u{FF08}', '〔']);
    ["广告", "推广", "赞助"].iter().any(|w| {
        head.strip_prefix(w).is_some_and(|rest| {
            rest.starts_with(['】', ']', ')', '\u{FF09}', '〕', ':', '\u{FF1A}'])
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompts_disclaimers_ads_and_arrows_are_chrome() {
        for line in [
            "扫一扫，关注我们的微信公众号",
            "扫码关注公众号，获取更多资讯。",
            "点击下方二维码下载APP",
            "长按识别二维码关注我们",
            "↓ 点击阅读原文 ↓",
            "点击阅读原文",
            "欢迎关注我们！",
            "↓↓↓",
            " ↓ ↓ ↓ ",
            "👇👇",
            "▼",
            "【免责声明】本站转载文章仅为传播更多信息之目的，如有侵权请联系删除。",
            "本文来源于网络，版权归原作者所有。",
            "如有侵权，请联系我们删除。",
            "【广告】考证培训，报名从速！联系电话138xxxxxxxx",
            "[推广] 某某教育，名师授课",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn sentences_that_mention_the_channels_are_text() {
        for line in [
            "学院开通微信公众号，学生扫描二维码即可报名实习岗位。",
            "扫一扫二维码关注学院公众号的学生，可以提前查看实习岗位信息。",
            "扫码报名的学生超过三千人。",
            "关注公众号的学生有三千人。",
            "下载APP的用户已达十万。",
            "关注产业发展新动向",
            "企业提供的实训岗位信息在学校公众号上公布，学生可长按识别二维码报名。",
            "如有侵权行为，市场监管部门将依法查处。",
            "广告设计专业今年招收新生八十人。",
            "价格从100元→120元。",
            "",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }
}
