"""Demo users and site settings. Demo only: the password is public."""

from anyascii import anyascii
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.models import Locale, Site

from editorial import roles

from .models import AboutPage, PortalSettings

DEMO_PASSWORD = "demo-portal-2026"

DEMO_USERS = [
    # username, first name, last name, group (None: superuser)
    ("admin", "Quản trị", "Hệ thống", None),
    ("congtacvien", "Lan", "Nguyễn Thị", roles.CONTRIBUTORS),
    ("thuky", "Minh", "Trần Văn", roles.SECRETARIAT),
    ("bientap", "Hương", "Lê Thu", roles.EDITORIAL_BOARD),
    ("dieuhanh", "Quang", "Phạm Đức", roles.STEERING_BOARD),
    ("dangvien", "Sơn", "Hoàng Văn", roles.PARTY_MEMBERS),
]


def load_users(stdout):
    User = get_user_model()
    for username, first_name, last_name, group_name in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first_name, "last_name": last_name, "email": f"{username}@demo.invalid"},
        )
        if created:
            # Only on creation: a second run must not undo a password change.
            user.set_password(DEMO_PASSWORD)
            if group_name is None:
                user.is_superuser = True
                user.is_staff = True
            user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        stdout.write(f"   {'+' if created else '='} {username}")


def load_settings(stdout):
    site = Site.objects.get(is_default_site=True)
    portal = PortalSettings.for_site(site)
    if not portal.address:
        portal.address = "Số 1 Đường Trần Hưng Đạo, phường Trung tâm, tỉnh Mẫu"
        portal.phone = "0200 3 812 345"
        portal.email = "bbt@portal.invalid"
        portal.licence = "Giấy phép số 01/GP-TTĐT (bản trình diễn)"
        portal.editor_in_chief = "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy"
        portal.save()


# --- English edition -------------------------------------------------------------

ABOUT_VI = {
    "title": "Giới thiệu",
    "slug": "gioi-thieu",
    "intro": "Cơ cấu tổ chức của Đảng bộ tỉnh và địa chỉ liên hệ của các cơ quan tham mưu, giúp việc Tỉnh ủy.",
    "body": [
        ("heading", {"text": "Cơ cấu tổ chức", "level": "h2"}),
        (
            "paragraph",
            "<p>Ban Chấp hành Đảng bộ tỉnh lãnh đạo toàn diện mọi mặt công tác của tỉnh giữa hai kỳ đại hội.</p>",
        ),
        (
            "paragraph",
            "<p>Ban Thường vụ Tỉnh ủy lãnh đạo, chỉ đạo thực hiện nghị quyết của Ban Chấp hành; "
            "Thường trực Tỉnh ủy gồm Bí thư và các Phó Bí thư.</p>",
        ),
        (
            "paragraph",
            "<p>Giúp việc Tỉnh ủy có các ban xây dựng Đảng, Ủy ban Kiểm tra và Văn phòng Tỉnh ủy.</p>",
        ),
    ],
    "offices": [
        {
            "name": "Văn phòng Tỉnh ủy",
            "head": "Chánh Văn phòng Tỉnh ủy",
            "duties": "Tham mưu tổ chức, điều hành công việc hằng ngày của Tỉnh ủy.",
            "address": "Số 1 Đường Trần Hưng Đạo, phường Trung tâm",
            "phone": "0200 3 812 345",
            "email": "vanphong@portal.invalid",
        },
        {
            "name": "Ban Tổ chức Tỉnh ủy",
            "head": "Trưởng Ban Tổ chức Tỉnh ủy",
            "duties": "Tham mưu về tổ chức bộ máy, cán bộ và đảng viên.",
            "address": "Số 3 Đường Trần Hưng Đạo, phường Trung tâm",
            "phone": "0200 3 812 346",
            "email": "bantochuc@portal.invalid",
        },
        {
            "name": "Ban Tuyên giáo và Dân vận Tỉnh ủy",
            "head": "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
            "duties": "Tham mưu về công tác tuyên giáo, dân vận; cơ quan chủ quản của Cổng thông tin.",
            "address": "Số 5 Đường Trần Hưng Đạo, phường Trung tâm",
            "phone": "0200 3 812 347",
            "email": "bantuyengiao@portal.invalid",
        },
        {
            "name": "Ủy ban Kiểm tra Tỉnh ủy",
            "head": "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy",
            "duties": "Kiểm tra, giám sát và thi hành kỷ luật trong Đảng.",
            "address": "Số 7 Đường Trần Hưng Đạo, phường Trung tâm",
            "phone": "0200 3 812 348",
            "email": "ubkt@portal.invalid",
        },
    ],
}

# Every Vietnamese string of the translated demo pages, and its English. A
# segment is translated whole when it is a key, otherwise sentence by sentence
# (the demo's paragraphs are sentences from news.demo.SENTENCES).
ENGLISH = {
    # Home and About
    "Trang chủ": "Home",
    "Giới thiệu": "About us",
    ABOUT_VI["intro"]: "The structure of the Provincial Party Organisation and how to reach the offices that serve "
    "the Provincial Party Committee.",
    "Cơ cấu tổ chức": "Organisation structure",
    "Ban Chấp hành Đảng bộ tỉnh lãnh đạo toàn diện mọi mặt công tác của tỉnh giữa hai kỳ đại hội.": "The Provincial "
    "Party Executive Committee leads every area of the province's work between two congresses.",
    "Ban Thường vụ Tỉnh ủy lãnh đạo, chỉ đạo thực hiện nghị quyết của Ban Chấp hành; "
    "Thường trực Tỉnh ủy gồm Bí thư và các Phó Bí thư.": "The Standing Board of the Provincial Party Committee directs "
    "the implementation of the Executive Committee's resolutions; the Permanent Office consists of the Secretary "
    "and the Deputy Secretaries.",
    "Giúp việc Tỉnh ủy có các ban xây dựng Đảng, Ủy ban Kiểm tra và Văn phòng Tỉnh ủy.": "The Provincial Party "
    "Committee is assisted by its Party-building commissions, the Inspection Commission and the Office.",
    "Văn phòng Tỉnh ủy": "Office of the Provincial Party Committee",
    "Chánh Văn phòng Tỉnh ủy": "Chief of Office",
    "Tham mưu tổ chức, điều hành công việc hằng ngày của Tỉnh ủy.": "Advises on and organises the Provincial Party "
    "Committee's day-to-day work.",
    "Số 1 Đường Trần Hưng Đạo, phường Trung tâm": "1 Tran Hung Dao Street, Trung Tam Ward",
    "Ban Tổ chức Tỉnh ủy": "Organisation Commission",
    "Trưởng Ban Tổ chức Tỉnh ủy": "Head of the Organisation Commission",
    "Tham mưu về tổ chức bộ máy, cán bộ và đảng viên.": "Advises on organisation, personnel and Party membership.",
    "Số 3 Đường Trần Hưng Đạo, phường Trung tâm": "3 Tran Hung Dao Street, Trung Tam Ward",
    "Ban Tuyên giáo và Dân vận Tỉnh ủy": "Commission for Information, Education and Mass Mobilisation",
    "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy": "Head of the Commission for Information, Education and Mass "
    "Mobilisation",
    "Tham mưu về công tác tuyên giáo, dân vận; cơ quan chủ quản của Cổng thông tin.": "Advises on information, "
    "education and mass mobilisation; publisher of this portal.",
    "Số 5 Đường Trần Hưng Đạo, phường Trung tâm": "5 Tran Hung Dao Street, Trung Tam Ward",
    "Ủy ban Kiểm tra Tỉnh ủy": "Inspection Commission",
    "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy": "Chair of the Inspection Commission",
    "Kiểm tra, giám sát và thi hành kỷ luật trong Đảng.": "Inspects, supervises and enforces discipline within "
    "the Party.",
    "Số 7 Đường Trần Hưng Đạo, phường Trung tâm": "7 Tran Hung Dao Street, Trung Tam Ward",
    # Sections
    "Hoạt động cấp ủy": "Party Committee activities",
    "Tin hoạt động của Tỉnh ủy, Ban Thường vụ và các cấp ủy trực thuộc.": "News of the Provincial Party Committee, "
    "its Standing Board and the Party committees under it.",
    "Xây dựng Đảng": "Party building",
    "Công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị.": "Building and rectifying the Party and the "
    "political system.",
    "Thời sự": "Current affairs",
    "Tin tức thời sự trong tỉnh, trong nước.": "News from the province and the country.",
    # Articles
    "Ban Thường vụ Tỉnh ủy cho ý kiến về dự thảo báo cáo chính trị": "Provincial Standing Board comments on the "
    "draft political report",
    "Hội nghị Tỉnh ủy lần thứ mười lăm đánh giá kết quả 9 tháng": "Fifteenth Provincial Party Committee conference "
    "reviews nine-month results",
    "Nâng cao chất lượng sinh hoạt chi bộ ở vùng đồng bào dân tộc": "Better Party cell meetings in ethnic minority "
    "areas",
    "Chuyển đổi số trong công tác quản lý đảng viên": "Digital transformation in Party member management",
    "Khánh thành cầu dân sinh nối hai bờ sông Bưởi": "New community bridge joins the two banks of the Buoi River",
    "Cải cách thủ tục hành chính: giải quyết hồ sơ trực tuyến tăng mạnh": "Administrative reform: online "
    "applications rise sharply",
    "Đại hội Đảng bộ các cấp": "Party congresses at every level",
    "Báo Nhân Dân": "Nhan Dan newspaper",
    "Những nhiệm vụ trọng tâm": "Key tasks",
    "Đồng chí Bí thư Tỉnh ủy": "The Secretary of the Provincial Party Committee",
    "Kết quả nổi bật": "Highlights",
}

SENTENCES_EN = {
    "Hội nghị đã thảo luận, thống nhất cao các nhiệm vụ, giải pháp trọng tâm trong thời gian tới.": "The conference "
    "discussed and agreed on the key tasks and measures for the period ahead.",
    "Các cấp ủy, tổ chức đảng cần phát huy vai trò hạt nhân lãnh đạo, tạo sự đồng thuận trong Nhân dân.": "Party "
    "committees and organisations must play their leading role and build consensus among the people.",
    "Công tác tuyên truyền được đổi mới cả về nội dung và hình thức, bám sát cơ sở.": "Communication work has been "
    "renewed in both content and form, and stays close to the grassroots.",
    "Nhiều mô hình hay, cách làm sáng tạo đã được nhân rộng trên địa bàn toàn tỉnh.": "Many good models and creative "
    "practices have been replicated across the province.",
    "Đồng chí Bí thư Tỉnh ủy đề nghị các đơn vị tập trung tháo gỡ khó khăn, vướng mắc cho người dân và doanh "
    "nghiệp.": "The Provincial Party Secretary asked all units to focus on removing obstacles for citizens and "
    "businesses.",
    "Việc thực hiện nghị quyết gắn với trách nhiệm người đứng đầu, có kiểm tra, giám sát thường xuyên.": "Carrying "
    "out the resolution is tied to the responsibility of each unit's head, with regular inspection and supervision.",
    "Đội ngũ cán bộ, đảng viên luôn gương mẫu, đi đầu trong mọi phong trào thi đua yêu nước.": "Officials and Party "
    "members set an example and lead every patriotic emulation movement.",
    "Kết quả đạt được là nền tảng quan trọng để hoàn thành thắng lợi các chỉ tiêu của nhiệm kỳ.": "These results are "
    "an important foundation for meeting the targets of the term.",
    "Bên cạnh những kết quả đạt được, vẫn còn một số hạn chế cần sớm được khắc phục.": "Alongside these results, "
    "some shortcomings remain and must be addressed soon.",
    "Người dân phấn khởi, tin tưởng vào sự lãnh đạo của Đảng và chính quyền các cấp.": "People are pleased and "
    "trust the leadership of the Party and the authorities at every level.",
}

ENGLISH_SECTIONS = ["hoat-dong-cap-uy", "xay-dung-dang", "thoi-su"]
ENGLISH_ARTICLES = [
    "Ban Thường vụ Tỉnh ủy cho ý kiến về dự thảo báo cáo chính trị",
    "Hội nghị Tỉnh ủy lần thứ mười lăm đánh giá kết quả 9 tháng",
    "Nâng cao chất lượng sinh hoạt chi bộ ở vùng đồng bào dân tộc",
    "Chuyển đổi số trong công tác quản lý đảng viên",
    "Khánh thành cầu dân sinh nối hai bờ sông Bưởi",
    "Cải cách thủ tục hành chính: giải quyết hồ sơ trực tuyến tăng mạnh",
]
ENGLISH_TAGS = {
    "Tỉnh ủy": "Provincial Party Committee",
    "đảng viên": "Party members",
    "nông thôn mới": "new countryside",
    "cơ sở": "grassroots",
    "Đại hội Đảng": "Party congress",
    "dân vận": "mass mobilisation",
    "công tác cán bộ": "personnel work",
}
ENGLISH_SETTINGS = {
    "address_en": "1 Tran Hung Dao Street, Trung Tam Ward, Mau Province",
    "licence_en": "Licence No. 01/GP-TTDT (demo)",
    "editor_in_chief_en": "Head of the Commission for Information, Education and Mass Mobilisation",
}

# Letters only Vietnamese uses: a translated demo string containing one of
# them was left untranslated.
VIETNAMESE_LETTERS = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ")


def english_for(text, path=""):
    """The demo's English for one extracted string of a Vietnamese page."""
    if path.endswith("slug") or path == "slug":
        return slugify(anyascii(english_for(_SLUG_TITLES.get(text, text))))
    if text in ENGLISH:
        return ENGLISH[text]
    english = text
    for vietnamese, translated in SENTENCES_EN.items():
        english = english.replace(vietnamese, translated)
    if VIETNAMESE_LETTERS & set(english):
        raise ValueError(f"The demo has no English for {text!r}")
    return english


_SLUG_TITLES = {}


def load_about_page(home):
    about = AboutPage.objects.child_of(home).first()
    if about is None:
        about = AboutPage(
            title=ABOUT_VI["title"],
            slug=ABOUT_VI["slug"],
            intro=ABOUT_VI["intro"],
            body=ABOUT_VI["body"],
            offices=[("office", office) for office in ABOUT_VI["offices"]],
            show_in_menus=True,
        )
        home.add_child(instance=about)
        about.save_revision().publish()
    return about


def translate_page(page, english, user):
    """Translate ``page`` with wagtail-localize, as a translator would in its
    editor: extract the strings, give each its English, save the target and
    publish it (the demo stands in for the board's approval)."""
    from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

    existing = page.get_translation_or_none(english)
    if existing is not None and existing.live:
        return existing, False
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=english)
    _SLUG_TITLES[page.slug] = page.title
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=english,
            context=segment.context,
            defaults={
                "data": english_for(segment.string.data, segment.context.path),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    # A draft first, as for any translator; wagtail-localize would defer its
    # own publish to the end of the transaction, with the parent's child
    # count as it was then, so the demo publishes the fresh page itself.
    translation.save_target(user=user, publish=False)
    translated = page.get_translation(english)
    translated.get_latest_revision().publish(user=user)
    return translated, True


def load_english_edition(stdout):
    """The English edition: home, About, three sections and six of their
    articles translated through wagtail-localize and published."""
    from news.models import ArticlePage, SectionPage

    english = Locale.objects.get(language_code="en")
    home = Site.objects.get(is_default_site=True).root_page.specific
    user = get_user_model().objects.get(username="bientap")
    about = load_about_page(home)
    sections = [SectionPage.objects.child_of(home).get(slug=slug) for slug in ENGLISH_SECTIONS]
    articles = [ArticlePage.objects.descendant_of(home).live().get(title=title) for title in ENGLISH_ARTICLES]
    for page in [home, about, *sections, *articles]:
        translated, created = translate_page(page, english, user)
        if created:
            stdout.write(f"   + {translated.title}")
    for article in articles:
        translated = article.get_translation(english).specific
        tags = sorted(ENGLISH_TAGS.get(tag.name, tag.name) for tag in translated.tags.all())
        if sorted(tag.name for tag in translated.tags.all()) != tags or translated.topics.exists():
            # Tags and topics are copied from the source; the English page
            # gets English tags and no Vietnamese topic.
            translated.tags.set(tags)
            translated.topics.set([])
            translated.save_revision(user=user).publish(user=user)
    portal = PortalSettings.for_site(home.get_site())
    if not portal.address_en:
        for field, value in ENGLISH_SETTINGS.items():
            setattr(portal, field, value)
        portal.save()
