namespace AdilSoz.Intake.Admin.Localization;

/// <summary>
/// Texts of the admin site in Russian, Kazakh and English. In a view: <c>@inject UiText T</c>, then
/// <c>@T["Queue"]</c>; a missing key shows the key itself (and a test checks none is missing).
/// Feature folders add their texts with <see cref="Add"/> in a static <c>UiTexts.Register</c> class.
/// </summary>
public sealed class UiText(IHttpContextAccessor accessor)
{
    private static readonly Dictionary<string, (string Ru, string Kk, string En)> Texts = new(StringComparer.Ordinal)
    {
        ["Queue"] = ("Очередь", "Кезек", "Queue"),
        ["Users"] = ("Пользователи", "Пайдаланушылар", "Users"),
        ["Jobs"] = ("Задачи", "Тапсырмалар", "Jobs"),
        ["LogOut"] = ("Выйти", "Шығу", "Log out"),
        ["LogIn"] = ("Войти", "Кіру", "Log in"),
        ["Email"] = ("Эл. почта", "Эл. пошта", "Email"),
        ["Password"] = ("Пароль", "Құпиясөз", "Password"),
        ["AccessDenied"] = ("Доступ запрещён", "Кіруге тыйым салынған", "Access denied"),
        ["AccessDeniedText"] = ("Ваша роль не позволяет открыть эту страницу.", "Сіздің рөліңіз бұл бетті ашуға мүмкіндік бермейді.", "Your role does not allow this page."),
        ["Pending"] = ("ожидают", "күтуде", "pending"),
        ["QueueEmpty"] = ("Очередь пуста.", "Кезек бос.", "The queue is empty."),
        ["Reference"] = ("Номер", "Нөмір", "Reference"),
        ["Channel"] = ("Канал", "Арна", "Channel"),
        ["Received"] = ("Получено", "Алынды", "Received"),
        ["Language"] = ("Язык", "Тіл", "Language"),
        ["Text"] = ("Текст", "Мәтін", "Text"),
        ["Roles"] = ("Роли", "Рөлдер", "Roles"),
        ["LockedUntil"] = ("Заблокирован до", "Бұғатталған мерзімі", "Locked until"),
    };

    public static void Add(string key, string ru, string kk, string en) => Texts[key] = (ru, kk, en);

    public static IReadOnlyDictionary<string, (string Ru, string Kk, string En)> All => Texts;

    public string Language => accessor.HttpContext is { } ctx ? UiLanguage.Current(ctx) : "ru";

    public string this[string key] => Get(key, Language);

    public static string Get(string key, string language) => Texts.TryGetValue(key, out var t)
        ? language switch { "kk" => t.Kk, "en" => t.En, _ => t.Ru }
        : key;
}
