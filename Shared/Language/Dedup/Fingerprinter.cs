using System.Security.Cryptography;
using System.Text;
using AdilSoz.Intake.Language.Dates;
using AdilSoz.Intake.Language.Places;
using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Language.Dedup;

/// <summary>Computes the <see cref="Fingerprint"/> of a submission. Pure and thread-safe.</summary>
public static class Fingerprinter
{
    // Capitalised words that are not names: countries, months, weekdays, titles.
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "казахстан", "қазақстан", "kazakhstan", "рк", "кр", "rk", "россия", "russia", "ресей", "республика",
        "republic", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье", "мр", "mr", "mrs", "ms",
        "г", "гг", "ул", "улица", "street", "st", "it", "i",
    };

    private const int MaxOutletWords = 3;

    // Words beside which a capitalised name in Latin text is an outlet's.
    private static readonly HashSet<string> OutletRoles = new(StringComparer.Ordinal)
    {
        "journalist", "journalists", "reporter", "reporters", "correspondent", "editor", "cameraman", "photographer",
        "newspaper", "newsroom", "channel", "website", "outlet", "magazine",
    };

    // Phonetic keys of surname endings (-ов, -ева, -ұлы, -қызы, -енко, -ский).
    private static readonly string[] SurnameEndings = ["ov", "ev", "in", "uli", "kizi", "enko", "ski"];

    public static Fingerprint Compute(DedupInput input)
    {
        var combined = string.IsNullOrWhiteSpace(input.Subject) ? input.Text : input.Subject + ".\n" + input.Text;
        var text = TokenizedText.Create(combined);
        var tokens = text.Words();
        var language = input.Language ?? LanguageDetector.Detect(combined);

        var terms = new HashSet<int>();
        var names = new List<NameMention>();
        var places = new List<PlaceMention>();
        var placeWords = new bool[tokens.Count];
        foreach (var found in Gazetteer.Find(text))
        {
            AddPlace(places, found.Place.Stored());
            Array.Fill(placeWords, true, found.First, found.Count);
        }

        var capitalizedMidSentence = new HashSet<string>(
            tokens.Where(t => t.Capitalized && !t.SentenceStart && !t.IsNumber).SelectMany(t => NameKeys.Variants(NameKeys.Key(t.Value))),
            StringComparer.Ordinal);

        var pairs = new List<NamePair>();
        // The two names before the current token, to pair names written side by side (a patronymic between them too).
        var last = (Index: -3, Key: "");
        var beforeLast = (Index: -3, Key: "");
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var value = token.Value;
            if (token.IsNumber)
            {
                terms.Add(StableHash.Of32("n:" + value.TrimStart('0')));
                continue;
            }

            if (i + 1 < tokens.Count && Concepts.OfPair(value, tokens[i + 1].Value) is { } pairConcept)
            {
                terms.Add(StableHash.Of32("c:" + pairConcept));
            }

            if (StopWords.Contains(value))
            {
                continue;
            }

            var concept = Concepts.Of(value);
            if (concept is not null)
            {
                terms.Add(StableHash.Of32("c:" + concept));
            }

            var stem = Stemmer.Stem(value, language);
            var key = Transliterator.PhoneticKey(stem);
            if (key.Length >= 2)
            {
                terms.Add(StableHash.Of32("w:" + key));
            }

            if (placeWords[i] && !token.Quoted)
            {
                // A place's words are no person's name; in quotes they name an outlet («Звезда Прииртышья»).
                continue;
            }

            if (concept is null && IsName(tokens, i, capitalizedMidSentence))
            {
                AddName(names, value);
                var nameKey = NameKeys.Key(value);
                if (token.Quoted)
                {
                    // An outlet («Хабар») is no person's first name.
                    continue;
                }

                if (last.Index == i - 1)
                {
                    AddPair(pairs, last.Key, nameKey);
                    if (beforeLast.Index == i - 2)
                    {
                        AddPair(pairs, beforeLast.Key, nameKey);
                    }
                }

                (beforeLast, last) = (last, (i, nameKey));
            }
        }

        AddInputPlaces(input, places);
        var outlets = Outlets(tokens);

        var dates = DateMentions.Find(text.Original, tokens, DateOnly.FromDateTime(input.ReceivedAt.DateTime));
        if (input.OccurredOn is { } occurred && !dates.Contains(occurred))
        {
            dates.Add(occurred);
            dates.Sort();
        }

        return new Fingerprint
        {
            Language = language,
            ExactTextHash = ExactTextHash(input.Text),
            Terms = [.. terms.Order()],
            Names = names,
            Pairs = pairs,
            Outlets = outlets,
            Places = places,
            Dates = dates,
            Files = input.AttachmentSha256.Select(s => s.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList(),
            ReceivedAt = input.ReceivedAt,
        };
    }

    /// <summary>SHA-256 (lower-case hex) of the normalised text; null when the text has no letters or digits.</summary>
    public static string? ExactTextHash(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return normalized.Length == 0 ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    private static bool IsName(List<Token> tokens, int i, HashSet<string> capitalizedMidSentence)
    {
        var token = tokens[i];
        var value = token.Value;
        if (value.Length < 3 || NotNames.Contains(value) || (!token.Capitalized && !token.Quoted))
        {
            return false;
        }

        if (Months.Of(value) is not null)
        {
            return false;
        }

        if (token.Quoted || !token.SentenceStart)
        {
            return true;
        }

        // A capitalised word opening a sentence is a name only if it looks like one.
        var next = i + 1 < tokens.Count ? tokens[i + 1] : (Token?)null;
        var variants = NameKeys.Variants(NameKeys.Key(value)).ToList();

        // Note: the Kazakh genitive (-ның, -дың, -тың) ends like a Russian surname in -ин once transliterated.
        var kazakhGenitive = value.EndsWith("ың", StringComparison.Ordinal) || value.EndsWith("ің", StringComparison.Ordinal);
        return (next is { Capitalized: true, IsNumber: false } && !StopWords.Contains(next.Value.Value))
            || variants.Any(capitalizedMidSentence.Contains)
            || (!kazakhGenitive && variants.Any(v => SurnameEndings.Any(e => v.EndsWith(e, StringComparison.Ordinal) && v.Length > e.Length + 2)));
    }

    private static void AddName(List<NameMention> names, string value)
    {
        var key = NameKeys.Key(value);
        if (key.Length < NameKeys.MinLength - 1)
        {
            return;
        }

        var display = TextNormalizer.TitleCase(Transliterator.ToLatin(value));
        for (var i = 0; i < names.Count; i++)
        {
            if (NameKeys.Same(names[i].Key, key))
            {
                if (key.Length < names[i].Key.Length)
                {
                    names[i] = new NameMention(key, display);
                }

                return;
            }
        }

        names.Add(new NameMention(key, display));
    }

    /// <summary>
    /// Outlets: runs of at most <see cref="MaxOutletWords"/> quoted words that start with a capital
    /// («Уральская неделя»), and in Latin text, where outlets go without quotes, capitalised words in
    /// an outlet's place: after a role ("a journalist of Uralskaya Nedelya", "Lukpan Akhmedyarov of
    /// Uralskaya Nedelya") or before one ("Azattyq reporter", "the Vlast newspaper").
    /// </summary>
    private static List<NameMention> Outlets(List<Token> tokens)
    {
        var outlets = new List<NameMention>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].Quoted || (i > 0 && tokens[i - 1].Quoted))
            {
                continue;
            }

            var end = i;
            while (end + 1 < tokens.Count && tokens[end + 1].Quoted)
            {
                end++;
            }

            // A longer quotation is a statement or a title, not an outlet.
            if (end - i + 1 <= MaxOutletWords && tokens[i].Capitalized && !tokens[i].IsNumber)
            {
                AddOutlet(outlets, tokens, i, end);
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsLatinCapital(tokens[i]) || (i > 0 && IsLatinCapital(tokens[i - 1])))
            {
                continue;
            }

            var end = i;
            while (end + 1 < tokens.Count && end - i + 1 < MaxOutletWords + 1 && IsLatinCapital(tokens[end + 1]))
            {
                end++;
            }

            var roleBefore = i >= 2 && tokens[i - 1].Value == "of" && (OutletRoles.Contains(tokens[i - 2].Value) || IsLatinCapital(tokens[i - 2]));
            var roleAfter = end + 1 < tokens.Count && OutletRoles.Contains(tokens[end + 1].Value);
            if (end - i + 1 <= MaxOutletWords && (roleBefore || roleAfter))
            {
                AddOutlet(outlets, tokens, i, end);
            }
        }

        return outlets;
    }

    private static bool IsLatinCapital(Token t) =>
        t.Capitalized && !t.Quoted && !t.IsNumber && t.Value.All(char.IsAsciiLetterOrDigit) && !StopWords.Contains(t.Value);

    private static void AddOutlet(List<NameMention> outlets, List<Token> tokens, int first, int last)
    {
        var words = tokens[first..(last + 1)];
        var outlet = new NameMention(
            string.Join(" ", words.Select(w => NameKeys.Key(w.Value))),
            string.Join(" ", words.Select(w => TextNormalizer.TitleCase(Transliterator.ToLatin(w.Value)))));
        if (!outlets.Exists(o => DuplicateMatcher.SameOutlet(o.Key, outlet.Key)))
        {
            outlets.Add(outlet);
        }
    }

    private static void AddPair(List<NamePair> pairs, string a, string b)
    {
        if (a != b && !pairs.Any(p => p.A == a && p.B == b))
        {
            pairs.Add(new NamePair(a, b));
        }
    }

    private static void AddPlace(List<PlaceMention> places, PlaceMention place)
    {
        if (!places.Any(p => p.Region == place.Region && NameKeys.Same(p.Key, place.Key)))
        {
            places.Add(place);
        }
    }

    private static void AddInputPlaces(DedupInput input, List<PlaceMention> places)
    {
        if (!string.IsNullOrWhiteSpace(input.Settlement))
        {
            if (Gazetteer.FindName(input.Settlement) is { } known)
            {
                AddPlace(places, known.Stored());
            }
            else if (NameKeys.Key(input.Settlement) is { Length: >= 3 } key)
            {
                AddPlace(places, new PlaceMention(input.RegionCode, key, TextNormalizer.TitleCase(Transliterator.ToLatin(input.Settlement.Trim()))));
            }
        }

        if (!string.IsNullOrWhiteSpace(input.RegionCode) && !places.Any(p => p.Region == input.RegionCode))
        {
            AddPlace(places, new PlaceMention(input.RegionCode, input.RegionCode, Gazetteer.RegionDisplay(input.RegionCode)));
        }
    }
}
