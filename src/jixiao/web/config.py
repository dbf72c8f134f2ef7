"""The web system's configuration: each setting declared once, with its environment
variable, doc, default and converter; a bad value is an error that names the variable.

The embedded default needs nothing set: SQLite and a broker kept in the data directory.
Production sets ``DATABASE_URL`` (PostgreSQL) and ``JIXIAO_BROKER_URL`` (Redis or RabbitMQ).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit


class ConfigError(Exception):
    """A setting in the environment cannot be used."""

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"环境变量 {variable} 无效：{problem}")


@dataclass(frozen=True)
class Setting:
    variable: str
    doc: str
    default: str
    convert: Callable[[str], Any]


def _flag(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered not in {"1", "0", "true", "false", "yes", "no", ""}:
        raise ValueError("应为 1/0、true/false 或 yes/no")
    return lowered in {"1", "true", "yes"}


def _positive(text: str) -> int:
    value = int(text)
    if value < 0:
        raise ValueError("不能为负数")
    return value


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split(",") if word.strip())


SETTINGS = (
    Setting(
        "JIXIAO_DATA_DIR",
        "数据目录：SQLite 数据库、上传和生成的文件、内置消息队列、密钥。",
        "jixiao-data",
        lambda text: Path(text).resolve(),
    ),
    Setting(
        "DATABASE_URL",
        "数据库；留空为数据目录中的 SQLite，生产用 postgresql://用户:密码@主机:端口/库名。",
        "",
        str,
    ),
    Setting(
        "JIXIAO_BROKER_URL",
        "Celery 消息队列；留空为数据目录中的文件队列（由 jixiao serve 自带的后台进程处理），"
        "生产用 redis://… 或 amqp://…。",
        "",
        str,
    ),
    Setting(
        "JIXIAO_BROKER_VISIBILITY_SECONDS",
        "任务被取走后多少秒仍未完成（处理进程意外退出）即重新投递（Redis 队列；"
        "批量审核的文件也按此重新排队）；须长于最长的单个任务。",
        "3600",
        _positive,
    ),
    Setting(
        "JIXIAO_BROKER_PREFIX",
        "Redis 消息队列的键前缀：几套系统共用一台 Redis 时，各用各的前缀。",
        "",
        str,
    ),
    Setting(
        "JIXIAO_CACHE_DIR",
        "OCR 结果缓存目录；多台机器的处理进程可共享同一目录（如 NFS，以同一系统用户运行）。"
        "留空为数据目录下的 cache。",
        "",
        str,
    ),
    Setting("JIXIAO_SECRET_KEY", "会话签名密钥；留空时生成一个并保存在数据目录中。", "", str),
    Setting("JIXIAO_ALLOWED_HOSTS", "允许的主机名，逗号分隔。", "localhost,127.0.0.1,[::1]", _words),
    Setting(
        "JIXIAO_TRUSTED_ORIGINS",
        "经反向代理访问时可信的来源（如 https://jixiao.example.gov.cn），逗号分隔。",
        "",
        _words,
    ),
    Setting("JIXIAO_HTTPS", "经 HTTPS 访问时设为 1：Cookie 仅经 HTTPS 发送，并启用 HSTS。", "0", _flag),
    Setting("JIXIAO_SESSION_MINUTES", "无操作多少分钟后需重新登录。", "30", _positive),
    Setting("JIXIAO_PROXY_COUNT", "前置反向代理的层数（用于识别登录者的地址）。", "0", _positive),
    Setting("JIXIAO_DEBUG", "调试模式（仅供开发，切勿在生产中打开）。", "0", _flag),
)


@dataclass(frozen=True)
class WebConfig:
    data_dir: Path
    database: Mapping[str, Any]
    broker_url: str
    broker_options: Mapping[str, Any]
    visibility_seconds: int
    cache_dir: Path
    secret_key: str
    allowed_hosts: list[str]
    trusted_origins: list[str]
    https: bool
    session_minutes: int
    proxy_count: int
    debug: bool

    @property
    def embedded_broker(self) -> bool:
        return self.broker_url.startswith("filesystem://")


def read_settings(environ: Mapping[str, str]) -> dict[str, Any]:
    """Each declared setting's converted value; :class:`ConfigError` names a bad one."""
    values = {}
    for setting in SETTINGS:
        text = environ.get(setting.variable, setting.default)
        try:
            values[setting.variable] = setting.convert(text)
        except ValueError as error:
            raise ConfigError(setting.variable, str(error)) from None
    return values


@cache
def current() -> WebConfig:
    """The configuration of this process, read from its environment once."""
    return build_config(os.environ)


def build_config(environ: Mapping[str, str]) -> WebConfig:
    values = read_settings(environ)
    data_dir: Path = values["JIXIAO_DATA_DIR"]
    data_dir.mkdir(parents=True, exist_ok=True)
    visibility = values["JIXIAO_BROKER_VISIBILITY_SECONDS"] or 3600
    broker_url, broker_options = _broker(
        values["JIXIAO_BROKER_URL"], data_dir, visibility, values["JIXIAO_BROKER_PREFIX"]
    )
    return WebConfig(
        data_dir=data_dir,
        database=database_settings(values["DATABASE_URL"], data_dir),
        broker_url=broker_url,
        broker_options=broker_options,
        visibility_seconds=visibility,
        cache_dir=Path(values["JIXIAO_CACHE_DIR"] or data_dir / "cache").resolve(),
        secret_key=values["JIXIAO_SECRET_KEY"] or _kept_secret(data_dir),
        allowed_hosts=list(values["JIXIAO_ALLOWED_HOSTS"]),
        trusted_origins=list(values["JIXIAO_TRUSTED_ORIGINS"]),
        https=values["JIXIAO_HTTPS"],
        session_minutes=values["JIXIAO_SESSION_MINUTES"] or 30,
        proxy_count=values["JIXIAO_PROXY_COUNT"],
        debug=values["JIXIAO_DEBUG"],
    )


def database_settings(url: str, data_dir: Path) -> dict[str, Any]:
    """Django's DATABASES entry for ``url``: SQLite in the data directory when empty."""
    if not url:
        return _sqlite(data_dir / "jixiao.sqlite3")
    parts = urlsplit(url)
    if parts.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    if parts.scheme == "sqlite":
        return _sqlite(Path(unquote(parts.path)))
    raise ConfigError("DATABASE_URL", f"不支持的数据库“{parts.scheme}”（可用 postgresql:// 或 sqlite:///）")


def _sqlite(path: Path) -> dict[str, Any]:
    """SQLite for several processes: writers wait for each other instead of failing."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


def _broker(url: str, data_dir: Path, visibility: int, prefix: str) -> tuple[str, dict[str, Any]]:
    if url.startswith(("redis://", "rediss://")):
        # A task taken by a worker that died comes back after ``visibility`` seconds (acks
        # late): the workers look for such tasks several times within that time.
        options: dict[str, Any] = {
            "visibility_timeout": visibility,
            "unacked_restore_interval": max(1, min(10, visibility // 5)),
            "unacked_restore_throttle": 1,
        }
        return url, options | ({"global_keyprefix": prefix} if prefix else {})
    if url:
        return url, {}
    queue = data_dir / "queue"
    for folder in ("in", "processed"):
        (queue / folder).mkdir(parents=True, exist_ok=True)
    # The folder transport takes no host; naming one keeps kombu from warning (in English, on
    # the console of `jixiao serve`) that it supplied one itself.
    return "filesystem://localhost/", {
        "data_folder_in": str(queue / "in"),
        "data_folder_out": str(queue / "in"),
        "processed_folder": str(queue / "processed"),
        "store_processed": False,
    }


def _kept_secret(data_dir: Path) -> str:
    path = data_dir / "secret_key"
    try:  # the web process and the worker may start together: one of them writes it
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(descriptor, "w") as file:
        file.write(secrets.token_urlsafe(50))
    return path.read_text().strip()
