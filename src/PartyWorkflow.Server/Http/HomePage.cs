namespace PartyWorkflow.Server.Http;

/// <summary>What a browser opening the server sees until the web application exists: what this is, and where the API is described.</summary>
public static class HomePage
{
    public const string Html = """
        <!doctype html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>PartyWorkflow 党建工作流</title>
        <style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;line-height:1.6;color:#222}h1{color:#b71c1c}code{background:#f4f4f4;padding:0 .2em}</style></head>
        <body>
        <h1>PartyWorkflow 党建工作流</h1>
        <p>两新组织党建工作流程引擎：发展党员（5 个阶段、25 个步骤）等流程，按规则办理每一步，并提醒到期事项。</p>
        <p>A workflow engine for party-building work in non-public enterprises and social organizations: member development (5 stages, 25 steps) and more, each step decided by its rules, with reminders of what falls due.</p>
        <ul>
        <li><a href="/scalar">API 参考 / API reference</a></li>
        <li><a href="/openapi/v1.json">OpenAPI 文档 / OpenAPI document</a></li>
        <li><a href="/api/definitions">流程定义 / Workflow definitions</a></li>
        <li><a href="/api/instances">办理中的流程 / Instances</a></li>
        <li><a href="/health">运行状态 / Health</a></li>
        </ul>
        <p>网页应用即将推出 / The web application is coming.</p>
        </body></html>
        """;
}
