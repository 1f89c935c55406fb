using System.Text;
using System.Text.Json.Nodes;

namespace AdilSoz.Intake.Tests.Fuzz;

/// <summary>How a real-style Telegram update is damaged.</summary>
public enum UpdateMutation
{
    None,
    FlipCharacters,
    Truncate,
    WrongType,
    MissingField,
    HugeString,
    MalformedJson,
    DeepNesting,
    ControlCharacters,
    NumberOverflow,
    DuplicateKeys,
}

/// <summary>A reproducible damaged update: which seed, which mutation, a size parameter and a seed.</summary>
public sealed record UpdateRecipe(int Seed, UpdateMutation Mutation, int Size, int RandomSeed)
{
    public override string ToString() => $"update #{Seed} {Mutation} size={Size} seed={RandomSeed}";
}

/// <summary>Builds damaged Telegram updates from updates as the Bot API sends them.</summary>
public static class UpdateMutator
{
    private const string User = """{"id":700100200,"is_bot":false,"first_name":"Айгерим","last_name":"Нурланова","username":"aigerim_news","language_code":"kk"}""";
    private const string Chat = """{"id":700100200,"first_name":"Айгерим","username":"aigerim_news","type":"private"}""";

    private const string Replacements = "{}[]\":,\\0123456789abcnulltrue\u0000é";

    public static IReadOnlyList<string> Seeds { get; } = Fill(
    [
        """{"update_id":9001,"message":{"message_id":11,"from":USER,"chat":CHAT,"date":1735689600,"text":"/start","entities":[{"type":"bot_command","offset":0,"length":6}]}}""",
        """{"update_id":9002,"message":{"message_id":12,"from":USER,"chat":CHAT,"date":1735689600,"text":"Вчера в Уральске полиция задержала журналиста Лукпан Ахмедьяров во время съёмки."}}""",
        """{"update_id":9003,"message":{"message_id":13,"from":USER,"chat":CHAT,"date":1735689600,"media_group_id":"13579","caption":"Фото с места","photo":[{"file_id":"AgAD-small","file_unique_id":"u1","width":90,"height":67,"file_size":1200},{"file_id":"AgAD-big","file_unique_id":"u2","width":1280,"height":960,"file_size":120000}]}}""",
        """{"update_id":9004,"message":{"message_id":14,"from":USER,"chat":CHAT,"date":1735689600,"document":{"file_id":"BQAD","file_unique_id":"d1","file_name":"решение суда.pdf","mime_type":"application/pdf","file_size":52000}}}""",
        """{"update_id":9005,"callback_query":{"id":"cb1","from":USER,"message":{"message_id":15,"from":{"id":123456789,"is_bot":true,"first_name":"Bot"},"chat":CHAT,"date":1735689600,"text":"Выберите язык"},"chat_instance":"ci","data":"lang:ru"}}""",
        """{"update_id":9006,"edited_message":{"message_id":12,"from":USER,"chat":CHAT,"date":1735689600,"edit_date":1735689700,"text":"Исправлено: в Актобе"}}""",
        """{"update_id":9007,"message":{"message_id":16,"from":USER,"chat":CHAT,"date":1735689600,"forward_origin":{"type":"channel","chat":{"id":-1001234567890,"type":"channel","title":"Новости","username":"news_kz"},"message_id":4242,"date":1735600000},"text":"Пересланная новость"}}""",
        """{"update_id":9008,"message":{"message_id":17,"from":USER,"chat":CHAT,"date":1735689600,"forward_origin":{"type":"hidden_user","sender_user_name":"Скрытый","date":1735600000},"text":"Пересланное"}}""",
        """{"update_id":9009,"message":{"message_id":18,"from":USER,"chat":{"id":-100555,"title":"Группа","type":"supergroup"},"date":1735689600,"text":"в группе"}}""",
        """{"update_id":9010,"channel_post":{"message_id":19,"sender_chat":{"id":-1009,"title":"Канал","type":"channel"},"chat":{"id":-1009,"title":"Канал","type":"channel"},"date":1735689600,"text":"пост"}}""",
        """{"update_id":9011,"future_feature_update":{"x":1}}""",
        """{"update_id":9012,"message":{"message_id":20,"from":USER,"chat":CHAT,"date":1735689600,"voice":{"file_id":"AwAD","file_unique_id":"v1","duration":12,"mime_type":"audio/ogg","file_size":30000}}}""",
        """{"update_id":9013,"message":{"message_id":21,"from":USER,"chat":CHAT,"date":1735689600,"sticker":{"file_id":"S","file_unique_id":"S1","type":"regular","width":512,"height":512,"is_animated":false,"is_video":false}}}""",
        """{"update_id":9014,"message":{"message_id":22,"from":USER,"chat":CHAT,"date":1735689600,"location":{"latitude":43.2389,"longitude":76.8897}}}""",
        """{"update_id":9015,"message":{"message_id":23,"from":USER,"chat":CHAT,"date":1735689600,"text":"/delete_my_data","entities":[{"type":"bot_command","offset":0,"length":15}]}}""",
    ]);

    private static List<string> Fill(string[] templates) =>
        [.. templates.Select(t => t.Replace("USER", User, StringComparison.Ordinal).Replace("CHAT", Chat, StringComparison.Ordinal))];

    public static string Build(UpdateRecipe recipe)
    {
        var seed = Seeds[recipe.Seed % Seeds.Count];
        var random = new Random(recipe.RandomSeed);
        var size = Math.Max(1, recipe.Size);
        return recipe.Mutation switch
        {
            UpdateMutation.None => seed,
            UpdateMutation.FlipCharacters => FlipCharacters(seed, 1 + (size % 16), random),
            UpdateMutation.Truncate => seed[..random.Next(seed.Length + 1)],
            UpdateMutation.WrongType => MutateNode(seed, random, _ => WrongValue(random)),
            UpdateMutation.MissingField => MutateNode(seed, random, _ => null, remove: true),
            UpdateMutation.HugeString => MutateNode(seed, random, _ => JsonValue.Create(HugeString(size, random))),
            UpdateMutation.MalformedJson => Malformed(seed, random),
            UpdateMutation.DeepNesting => DeepNesting(seed, 1 + (size % 5000), random),
            UpdateMutation.ControlCharacters => MutateNode(seed, random, n => JsonValue.Create("\0\u0001\u001b[2J" + n?.ToString() + "\ud800")),
            UpdateMutation.NumberOverflow => NumberOverflow(seed, random),
            UpdateMutation.DuplicateKeys => seed.Insert(1, random.Next(2) == 0 ? "\"update_id\":1," : "\"message\":{\"message_id\":1,\"chat\":{\"id\":1,\"type\":\"private\"},\"date\":0},"),
            _ => seed,
        };
    }

    private static string FlipCharacters(string seed, int count, Random random)
    {
        var chars = seed.ToCharArray();
        for (var i = 0; i < count; i++)
        {
            chars[random.Next(chars.Length)] = Replacements[random.Next(Replacements.Length)];
        }

        return new string(chars);
    }

    private static string MutateNode(string seed, Random random, Func<JsonNode?, JsonNode?> replace, bool remove = false)
    {
        var root = JsonNode.Parse(seed)!;
        var nodes = new List<(JsonNode Parent, object Key)>();
        Collect(root, nodes);
        if (nodes.Count == 0)
        {
            return seed;
        }

        var (parent, key) = nodes[random.Next(nodes.Count)];
        if (parent is JsonObject obj && key is string name)
        {
            if (remove)
            {
                obj.Remove(name);
            }
            else
            {
                obj[name] = replace(obj[name]?.DeepClone());
            }
        }
        else if (parent is JsonArray array && key is int index)
        {
            if (remove)
            {
                array.RemoveAt(index);
            }
            else
            {
                array[index] = replace(array[index]?.DeepClone());
            }
        }

        return root.ToJsonString();
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    into.Add((obj, name));
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    into.Add((array, i));
                    if (array[i] is { } child)
                    {
                        Collect(child, into);
                    }
                }

                break;
        }
    }

    private static JsonNode? WrongValue(Random random) => random.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create("not a number"),
        2 => JsonValue.Create(-1),
        3 => JsonValue.Create(long.MaxValue),
        4 => JsonValue.Create(true),
        5 => new JsonArray(1, "two", null),
        6 => new JsonObject { ["unexpected"] = new JsonObject() },
        7 => JsonValue.Create(1.5e300),
        _ => JsonValue.Create(""),
    };

    private static string HugeString(int size, Random random)
    {
        var length = 1024 * (1 + (size % 256));
        var pieces = new[] { "а", "😀", "\u202e", "\u200b", "x", "ə", "\\", "\"" };
        var builder = new StringBuilder(length);
        var piece = pieces[random.Next(pieces.Length)];
        while (builder.Length < length)
        {
            builder.Append(piece);
        }

        return builder.ToString();
    }

    private static string Malformed(string seed, Random random) => random.Next(8) switch
    {
        0 => "",
        1 => "null",
        2 => "[]",
        3 => "\"update\"",
        4 => seed + "}}}garbage",
        5 => seed.Replace("\"", "'", StringComparison.Ordinal),
        6 => "{\"update_id\":" + seed,
        _ => Encoding.UTF8.GetString([0xEF, 0xBB, 0xBF, 0xC3, 0x28, .. Encoding.UTF8.GetBytes(seed)]),
    };

    private static string DeepNesting(string seed, int depth, Random random)
    {
        var open = random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        return seed.Insert(1, "\"deep\":" + nested + ",");
    }

    private static string NumberOverflow(string seed, Random random)
    {
        var big = random.Next(4) switch
        {
            0 => "99999999999999999999999999",
            1 => "-9223372036854775809",
            2 => "1e400",
            _ => "0.000000000000000000001",
        };
        return System.Text.RegularExpressions.Regex.Replace(seed, "\"(update_id|message_id|id|date|file_size|width|offset|length)\":-?[0-9]+",
            m => random.Next(2) == 0 ? $"\"{m.Groups[1].Value}\":{big}" : m.Value);
    }
}
