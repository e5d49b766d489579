using System.Text.RegularExpressions;

namespace PartyWorkflow.Server.Http;

/// <summary>
/// 400 messages in Chinese first, English beside it (<c>必填 / is required</c>). Validators say what
/// a field must be in English; this is the one place that puts it in Chinese too, so the wording of
/// both stays together. A message that has Chinese already is left as it is.
/// </summary>
public static partial class BilingualMessages
{
    private static readonly (Regex English, string Chinese)[] Phrases =
    [
        (new("^is required$"), "必填"),
        (new("^is required: the id of the person taking the action$"), "必填：办理人的编号"),
        (new("^must be a non-empty string$"), "应为非空文本"),
        (new("^must be a string$"), "应为文本"),
        (new(@"^must be at most (\d+) characters$"), "不能超过 $1 个字符"),
        (new(@"^must be 1 to (\d+) characters$"), "应为 1 到 $1 个字符"),
        (new("^must be a date as yyyy-MM-dd$"), "应为日期，格式 yyyy-MM-dd"),
        (new("^must be a whole number$"), "应为整数"),
        (new(@"^must be between (-?\d+) and (-?\d+)$"), "应在 $1 到 $2 之间"),
        (new("^must be true or false$"), "应为 true 或 false"),
        (new("^must be one of: (.*)$"), "应为以下之一：$1"),
        (new(@"^must be an id \(GUID\)$"), "应为编号（GUID）"),
        (new("^must be an object$"), "应为对象"),
        (new("^must be a JSON object$"), "应为 JSON 对象"),
        (new("^must be a list$"), "应为列表"),
        (new(@"^must have at least (\d+) item\(s\)$"), "至少 $1 项"),
        (new(@"^must have at most (\d+) item\(s\)$"), "至多 $1 项"),
        (new("^must not be null$"), "不能为空值（null）"),
        (new("^unknown field; expected one of: (.*)$"), "未知字段，应为以下之一：$1"),
        (new("^unknown field$"), "未知字段"),
        (new("^a property appears more than once$"), "有字段重复出现"),
        (new("^not valid JSON: (.*)$"), "不是有效的 JSON"),
        (new(@"^must not contain control characters.*$"), "不能含有控制字符（如 U+0000）"),
        (new("^is not valid UTF-16 text.*$"), "含有无效的字符（如孤立的代理项）"),
        (new("^must be one e-mail address, such as name@example.org$"), "应为一个电子邮箱地址，如 name@example.org"),
        (new("^'(.+)' may not take this step; allowed: (.*)$"), "“$1”不能办理此步骤，可办理的身份：$2"),
        (new("^must be the ETag of the instance.*$"), "应为流程的 ETag，即带引号的版本号，如 \"3\""),
        (new("^give exactly one of member or organization$"), "member 与 organization 须且只能填写一个"),
        (new("^an organization cannot be its own parent$"), "党组织不能是自己的上级组织"),
        (new("^has the wrong type$"), "类型不对"),
        (new("^is required: a JSON object$"), "必填：JSON 对象"),
        (new("^exactly one of memberId and organizationId is required$"), "memberId 与 organizationId 须且只能填写一个"),
    ];

    public static IReadOnlyDictionary<string, string[]> Translate(IReadOnlyDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(Translate).ToArray());

    public static string Translate(string message)
    {
        if (HasChinese().IsMatch(message)) return message;
        foreach (var (english, chinese) in Phrases)
        {
            var match = english.Match(message);
            if (match.Success) return $"{match.Result(chinese)} / {message}";
        }
        return $"输入有误 / {message}";
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HasChinese();
}
