"""`jixiao serve` (the web system) and `jixiao worker` (background workers for production)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer


def serve(
    demo: Annotated[
        bool, typer.Option("--demo", help="载入演示数据：岳阳楼区的两个单位、各角色账号。")
    ] = False,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="端口。")] = 8000,
    host: Annotated[str, typer.Option("--host", help="监听地址；内网服务请设为 0.0.0.0。")] = "127.0.0.1",
    data: Annotated[
        Path, typer.Option("--data", help="数据目录（SQLite 数据库、上传与生成的文件）。")
    ] = Path("jixiao-data"),
    workers: Annotated[int, typer.Option("--workers", min=1, help="网页服务进程数。")] = 2,
) -> None:
    """启动网页系统：自动迁移数据库、提供静态文件，并自带后台处理进程（默认 SQLite，无需其他服务）。"""
    from jixiao.web import server

    server.configure(data)
    from jixiao.web.demo import PASSWORD as DEMO_PASSWORD

    accounts = server.prepare(demo)
    worker = server.start_embedded_worker()

    def ready() -> None:
        typer.echo(
            f"jixiao 已启动：请在浏览器中打开 http://{'127.0.0.1' if host == '0.0.0.0' else host}:{port}/"
        )
        typer.echo(f"数据目录：{Path(data).resolve()}")
        if accounts:
            typer.echo(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
            for account in accounts:
                typer.echo(f"  {account.username:<8} {account.role.label}（{account.organisation}）")
        if os.geteuid() == 0:
            typer.echo("注意：正以 root 身份运行，后台处理进程也将以 root 运行；正式使用请改用普通用户。")
        typer.echo("按 Ctrl-C 停止。")

    try:
        server.run_gunicorn(host, port, workers, ready)
    finally:
        server.stop(worker)


def worker(
    concurrency: Annotated[int, typer.Option("--concurrency", "-c", min=1, help="同时处理的任务数。")] = 2,
    data: Annotated[Path | None, typer.Option("--data", help="共享的数据目录（上传与生成的文件）。")] = None,
) -> None:
    """启动后台处理进程（生成报告、读取上传文件），连接 JIXIAO_BROKER_URL 指定的 Redis 或 RabbitMQ。"""
    from jixiao.web import server

    server.configure(data)
    os.execv(
        server.worker_command(concurrency=concurrency)[0], server.worker_command(concurrency=concurrency)
    )


def register_serve_commands(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("worker")(worker)
