using AdilSoz.Intake.Admin.Localization;

namespace AdilSoz.Intake.Admin.Security;

/// <summary>Texts of the API keys page.</summary>
public static class ApiKeyTexts
{
    public static void Register()
    {
        UiText.Add("ApiKeys", "API-ключи", "API кілттері", "API keys");
        UiText.Add("KeyName", "Название", "Атауы", "Name");
        UiText.Add("KeyPrefix", "Начало ключа", "Кілттің басы", "Key starts with");
        UiText.Add("Created", "Создан", "Құрылды", "Created");
        UiText.Add("LastUsed", "Последнее использование", "Соңғы қолданылуы", "Last used");
        UiText.Add("Revoked", "Отозван", "Кері қайтарылды", "Revoked");
        UiText.Add("Revoke", "Отозвать", "Кері қайтару", "Revoke");
        UiText.Add("KeyRevoked", "Ключ отозван: с ним больше нельзя войти в API.", "Кілт кері қайтарылды: онымен API-ге енді кіруге болмайды.", "The key is revoked: it no longer opens the API.");
        UiText.Add("NoApiKeys", "Ключей нет.", "Кілттер жоқ.", "No keys.");
        UiText.Add("Action.api-key.add", "Создан API-ключ", "API кілті құрылды", "API key created");
        UiText.Add("Action.api-key.revoke", "Отозван API-ключ", "API кілті кері қайтарылды", "API key revoked");
        UiText.Add("Action.user.add", "Добавлен пользователь", "Пайдаланушы қосылды", "User added");
    }
}
