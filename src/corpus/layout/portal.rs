//! The furniture of a Chinese news portal's page, copied along with its article: the
//! navigation bar and breadcrumb, share and font-size widgets, the related-news list and the
//! footer (copyright, ICP licence and police registration numbers). SPEC §1.3 asks for the
//! article alone.

use crate::corpus::boilerplate::is_boilerplate;

/// The lines without the portal's furniture: navigation, widget and footer lines, prompts,
/// disclaimers and ads are dropped wherever they stand, and everything from the related-news
/// list or the footer on is cut, once some article text has been seen.
pub fn strip<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let mut out = Vec::with_capacity(lines.len());
    let mut seen_text = false;
    for line in lines {
        let t = line.trim();
        if seen_text && (is_footer(t) || is_related(t)) {
            break;
        }
        // A footer line before any text (a page of nothing else) is no title either.
        if is_furniture(t) {
            continue;
        }
        if t.chars().count() >= 20 {
            seen_text = true;
        }
        out.push(*line);
    }
    out
}

/// A line of a page's furniture wherever it stands: navigation, a widget, the footer, a
/// prompt, disclaimer or ad, the aggregator's `Workflow`.
pub fn is_furniture(t: &str) -> bool {
    let t = t.trim();
    is_navigation(t)
        || is_widget(t)
        || is_footer(t)
        || is_boilerplate(t)
        || crate::corpus::layout::is_chrome(t)
}

fn has_sentence_marks(t: &str) -> bool {
    t.contains(['。', '\u{FF0C}', '\u{FF1B}', '\u{FF01}', '\u{FF1F}'])
}

/// `人民网首页 | 新闻 | 教育 | 科技` or `首页 > 教育 > 正文`, `人民网>>教育`, `当前位置：…`.
fn is_navigation(t: &str) -> bool {
    if [
        "当前位置",
        "您的位置",
        "您现在的位置",
        "你的位置",
        "所在位置",
    ]
    .iter()
    .any(|p| t.starts_with(p))
    {
        return true;
    }
    if has_sentence_marks(t) || t.chars().count() > NAV_MAX {
        return false;
    }
    let short_pieces = |sep: &[&str], min: usize| {
        let mut pieces = vec![t];
        for s in sep {
            pieces = pieces.iter().flat_map(|p| p.split(s)).collect();
        }
        pieces.len() >= min && pieces.iter().all(|p| is_menu_item(p.trim()))
    };
    // `By Li Wen | Xinhua | 2025-03-05` is a byline, not a menu: menus hold no dates.
    let dated = || {
        t.split(['|', '\u{FF5C}'])
            .any(|p| crate::corpus::dateline::source_date(p).is_some())
    };
    (short_pieces(&["|", "\u{FF5C}"], 3) && !dated())
        || short_pieces(&[">>", "»", ">", "\u{FF1E}"], 2)
}

/// The longest navigation line (an English menu of ten items runs to some 80 characters).
const NAV_MAX: usize = 160;

/// One item of a menu or breadcrumb: a word or two (`教育`, `IN-DEPTH`, `Privacy Policy`).
fn is_menu_item(p: &str) -> bool {
    let n = p.chars().count();
    (1..=10).contains(&n)
        || (n <= 20 && p.is_ascii() && p.split_whitespace().count() <= 3 && !p.contains(['.', ',']))
}

/// Words that English page furniture is made of: share buttons (`Share:`, `Facebook`),
/// the search box, skip links (`Skip to main content`), the comment box (`Comments (0)`,
/// `Log in to comment`).
const ENGLISH_WIDGET_WORDS: &[&str] = &[
    "share",
    "search",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "email",
    "e-mail",
    "mail",
    "wechat",
    "weibo",
    "whatsapp",
    "telegram",
    "reddit",
    "print",
    "comments",
    "comment",
    "log",
    "login",
    "logout",
    "sign",
    "register",
    "subscribe",
    "newsletter",
    "skip",
    "navigation",
    "menu",
    "close",
    "copy",
    "link",
    "follow",
    "home",
    "back",
    "top",
    "more",
    "in",
    "up",
    "out",
    "to",
    "us",
    "main",
    "content",
    "the",
    "of",
    "page",
    "on",
];

/// The words above that say nothing of furniture alone (`in`, `to`, `more`).
const ENGLISH_FILLER_WORDS: &[&str] = &[
    "in", "up", "out", "to", "us", "main", "content", "the", "of", "page", "more", "x", "on",
];

/// The site's own links at the top of a Chinese portal page: sign-in, the mobile and
/// accessible versions, the language and script switches.
const SITE_TOOLS: &[&str] = &[
    "登录",
    "登錄",
    "注册",
    "註冊",
    "退出",
    "会员",
    "會員",
    "手机版",
    "手機版",
    "移动版",
    "移動版",
    "无障碍",
    "無障礙",
    "无障碍浏览",
    "無障礙瀏覽",
    "长者模式",
    "長者模式",
    "关怀版",
    "關懷版",
    "简体",
    "簡體",
    "繁体",
    "繁體",
    "简体中文",
    "繁體中文",
    "English",
    "设为首页",
    "設為首頁",
    "加入收藏",
    "网站地图",
    "網站地圖",
    "客户端",
    "客戶端",
    "RSS",
    "帮助",
    "幫助",
    "搜索",
    "微信",
    "微博",
];

/// `登录 注册 手机版 无障碍浏览`: a line of nothing but the site's own links, at least one
/// of them one that only such a line holds.
fn is_site_tools(t: &str) -> bool {
    let items: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == '|')
        .filter(|w| !w.is_empty())
        .collect();
    !items.is_empty()
        && items.len() <= 10
        && items.iter().all(|w| SITE_TOOLS.contains(w))
        && items
            .iter()
            .any(|w| !matches!(*w, "English" | "搜索" | "微信" | "微博" | "帮助" | "幫助"))
}

/// A short English line made only of widget words: `Share:`, `Facebook`, `Search`,
/// `Skip to main content`, `Comments (0)`, `Log in to comment`.
fn is_english_widget(t: &str) -> bool {
    if !t.is_ascii() || t.len() > 80 {
        return false;
    }
    let words: Vec<String> = t
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_ascii_alphabetic() && c != '-')
                .to_ascii_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    // `Share on Facebook  Share on X  Share on WeChat`: a row of buttons on one line.
    let row_of_buttons = words.len() <= 12 && words.iter().filter(|w| *w == "share").count() >= 2;
    ((1..=4).contains(&words.len()) && t.len() <= 30 || row_of_buttons)
        && words
            .iter()
            .all(|w| ENGLISH_WIDGET_WORDS.contains(&w.as_str()))
        && words
            .iter()
            .any(|w| !ENGLISH_FILLER_WORDS.contains(&w.as_str()))
}

/// Share buttons, font-size switches, print and close links, QR-code prompts. (An editor's
/// line is not furniture: the reader lifts it into the `editor` field.)
fn is_widget(t: &str) -> bool {
    const STARTS: &[&str] = &[
        "分享到",
        "分享至",
        "分享：",
        "扫一扫",
        "扫描二维码",
        "微信扫一扫",
        "小字号",
        "中字号",
        "大字号",
        "字号：",
        "字体：",
        "打印本页",
        "打印此页",
        "关闭窗口",
        "返回顶部",
        "收藏本页",
        "【字体",
        "[字体",
        "上一篇",
        "下一篇",
        "【打印】",
        "【关闭】",
        "【纠错】",
        "[打印]",
        "[关闭]",
        "[纠错]",
    ];
    const WHOLE: &[&str] = &[
        "分享",
        "打印",
        "关闭",
        "收藏",
        "纠错",
        "大 中 小",
        "【大 中 小】",
    ];
    if is_english_widget(t) || is_site_tools(t) {
        return true;
    }
    // A sentence that happens to start like a widget (扫一扫二维码关注…的学生，可以…) is text.
    t.chars().count() <= 30
        && !has_sentence_marks(t)
        && (STARTS.iter().any(|s| t.starts_with(s)) || WHOLE.contains(&t))
}

/// `版权所有…`, `Copyright ©…`, `京ICP证000000号`, `京公网安备…`: the page's footer.
fn is_footer(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    t.starts_with("版权所有")
        || t.starts_with("版权声明")
        || t.starts_with('©')
        || lower.starts_with("copyright")
        || ((t.contains("ICP证") || t.contains("ICP备") || t.contains("公网安备"))
            && !has_sentence_marks(t))
        || t.starts_with("违法和不良信息举报")
}

/// The heading of the related-news list: `相关新闻`, `推荐阅读：`.
fn is_related(t: &str) -> bool {
    const HEADS: &[&str] = &[
        "相关新闻",
        "相关阅读",
        "相关链接",
        "相关文章",
        "相关报道",
        "推荐阅读",
        "延伸阅读",
        "热点推荐",
        "热门推荐",
        "猜你喜欢",
        "更多新闻",
        "更多阅读",
    ];
    /// The same in English pages, in lower case.
    const ENGLISH_HEADS: &[&str] = &[
        "related articles",
        "related stories",
        "related news",
        "related reading",
        "related links",
        "related",
        "read more",
        "recommended",
        "recommended for you",
        "you may also like",
        "you might also like",
        "more stories",
        "more news",
        "most popular",
        "most read",
    ];
    let head = t.trim_end_matches([':', '\u{FF1A}']).trim();
    HEADS.contains(&head)
        || (head.is_ascii() && ENGLISH_HEADS.contains(&head.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portal_furniture_goes_and_the_article_stays() {
        let page = [
            "某某网首页 | 要闻 | 教育 | 财经 | 体育",
            "某某网>>教育频道",
            "宁波成立港航物流产教联合体 十所院校与四十家企业结对",
            "2025年10月20日08:29 | 来源：某某日报",
            "分享到：",
            "小字号",
            "宁波市港航物流市域产教联合体日前成立，首批成员包括十所职业院校和四十家企业。",
            "联合体将围绕集装箱运输、冷链仓储等岗位开展订单培养。",
            "相关新闻",
            "宁波职业教育发展迅速",
            "扫一扫，分享到微信",
            "版权所有：某某网 浙ICP证000000号",
        ];
        assert_eq!(
            strip(&page),
            vec![
                "宁波成立港航物流产教联合体 十所院校与四十家企业结对",
                "2025年10月20日08:29 | 来源：某某日报",
                "宁波市港航物流市域产教联合体日前成立，首批成员包括十所职业院校和四十家企业。",
                "联合体将围绕集装箱运输、冷链仓储等岗位开展订单培养。",
            ]
        );
    }

    #[test]
    fn page_widgets_go_and_sentences_that_start_alike_stay() {
        let page = [
            "某某网首页 | 要闻 | 教育 | 科技 | 图片",
            "甲市风电运维人才家门口培养",
            "【字体：大 中 小】\u{3000}打印本页\u{3000}关闭窗口",
            "甲市职业技术学院与风电企业共建产业学院，每年培养运维人才五百余人。",
            "扫一扫二维码关注学院公众号的学生，可以提前查看实习岗位信息。",
            "上一篇：乙市职业教育园区建设提速",
            "下一篇：丙县推进现代农业职业教育",
        ];
        assert_eq!(
            strip(&page),
            vec![
                "甲市风电运维人才家门口培养",
                "甲市职业技术学院与风电企业共建产业学院，每年培养运维人才五百余人。",
                "扫一扫二维码关注学院公众号的学生，可以提前查看实习岗位信息。",
            ]
        );
    }

    #[test]
    fn a_footer_before_any_text_is_dropped_too() {
        let page = [
            "首页 | 新闻 | 教育",
            "当前位置：首页 > 教育",
            "分享到：微信 微博",
            "Copyright © 2025 某某网 版权所有 京ICP备00000000号",
        ];
        assert!(strip(&page).is_empty());
        assert!(page.iter().all(|l| is_furniture(l)));
    }

    #[test]
    fn english_site_furniture_is_furniture() {
        for line in [
            "Skip to main content",
            "HOME | CHINA | SOURCE | OPINION | IN-DEPTH | WORLD | LIFE | SPORT | VIDEO | PHOTO",
            "Search",
            "Share:",
            "LinkedIn",
            "Comments (0)",
            "Log in to comment",
            "About Us | Contact Us | Privacy Policy | Terms of Use",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in [
            "Search and rescue teams trained at the college.",
            "More",
            "In Xi'an",
            "Share of graduates employed: 98 percent",
            "By Li Wen | Xinhua | 2025-03-05",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
        assert!(is_related("Related articles:"));
    }

    /// Found in hands-on testing: the sign-in line above a portal page's breadcrumb was
    /// taken for its title.
    #[test]
    fn the_site_tools_line_is_furniture() {
        let page = [
            "首页 | 新闻 | 教育 | 图片 | English",
            "登录 注册 手机版 无障碍浏览",
            "当前位置：首页 > 教育",
            "甲市技师学院与车企共建产业学院",
            "甲市一所技师学院与整车企业合作成立产业学院，首期招收学生一百二十名。",
        ];
        assert_eq!(strip(&page), page[3..].to_vec());
        for line in ["简体 繁體", "设为首页 加入收藏", "登录"] {
            assert!(is_furniture(line), "{line}");
        }
        for line in ["English", "微信 微博", "登录注册流程简化 学生手机即可办理"]
        {
            assert!(!is_furniture(line), "{line}");
        }
    }

    #[test]
    fn article_text_is_not_furniture() {
        let text = [
            "学院开设“订单班 | 学徒制 | 工学交替”三种培养模式。",
            "分享经验时，企业导师谈到了实训基地建设的体会，学生们认真记录。",
            "相关新闻",
        ];
        // `相关新闻` before any article text is not a cut.
        assert_eq!(strip(&text[2..]), vec!["相关新闻"]);
        assert_eq!(strip(&text[..2]), text[..2].to_vec());
    }
}
