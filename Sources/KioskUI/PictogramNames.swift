import KioskCore

/// What a pictogram of a content pack is called in each language, so a choice is named (and
/// spoken) in the person's words, never by its English font name ("arrow_back"). A pictogram
/// not listed here is "picture 3" in the current language: a pack author adds its names here.
public enum PictogramNames {
    /// French, English, Arabic.
    static let names: [String: (String, String, String)] = [
        "arrow_back": ("flèche retour", "back arrow", "سهم الرجوع"),
        "attach_file": ("trombone", "paper clip", "مشبك ورق"),
        "cake": ("gâteau", "cake", "كعكة"),
        "circle": ("rond", "circle", "دائرة"),
        "close": ("croix", "cross", "علامة إغلاق"),
        "cloud": ("nuage", "cloud", "سحابة"),
        "delete": ("poubelle", "bin", "سلة المهملات"),
        "directions_bus": ("bus", "bus", "حافلة"),
        "download": ("télécharger", "download", "تنزيل"),
        "edit": ("crayon", "pencil", "قلم"),
        "home": ("maison", "house", "بيت"),
        "local_cafe": ("tasse de café", "cup of coffee", "فنجان قهوة"),
        "local_florist": ("fleur", "flower", "زهرة"),
        "local_hospital": ("hôpital", "hospital", "مستشفى"),
        "music_note": ("note de musique", "music note", "نوتة موسيقية"),
        "pets": ("patte d'animal", "paw print", "أثر حيوان"),
        "phone": ("téléphone", "phone", "هاتف"),
        "print": ("imprimante", "printer", "طابعة"),
        "refresh": ("flèche en rond", "round arrow", "سهم دائري"),
        "restaurant": ("couverts", "knife and fork", "شوكة وسكين"),
        "school": ("école", "school", "مدرسة"),
        "search": ("loupe", "magnifying glass", "عدسة مكبرة"),
        "send": ("envoyer", "send", "إرسال"),
        "settings": ("réglages", "settings", "الإعدادات"),
        "share": ("partager", "share", "مشاركة"),
        "shopping_cart": ("chariot", "shopping trolley", "عربة تسوق"),
        "sports_soccer": ("ballon", "football", "كرة قدم"),
        "star": ("étoile", "star", "نجمة"),
        "sync": ("deux flèches en rond", "two round arrows", "سهمان دائريان"),
        "train": ("train", "train", "قطار"),
        "umbrella": ("parapluie", "umbrella", "مظلة"),
        "upload": ("envoyer vers le haut", "upload", "رفع"),
        "wb_sunny": ("soleil", "sun", "شمس"),
    ]

    /// The pictogram's name in `language`; `position` (from 1) names an unknown one.
    public static func name(_ pictogram: String, _ language: Language, position: Int) -> String {
        if let (fr, en, ar) = names[pictogram] {
            switch language {
            case .fr: return fr
            case .en: return en
            case .ar: return ar
            }
        }
        switch language {
        case .fr: return "image \(position)"
        case .en: return "picture \(position)"
        case .ar: return "صورة \(position)"
        }
    }
}
