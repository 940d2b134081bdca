"""docker-compose.yml cannot run here (no Docker engine): check its structure instead."""
from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
AIRFLOW_SERVICES = ("airflow-apiserver", "airflow-scheduler", "airflow-dag-processor", "airflow-triggerer")


def env(service: str) -> dict:
    return COMPOSE["services"][service].get("environment", {})


def test_services_of_the_airflow3_stack_are_present():
    services = set(COMPOSE["services"])
    assert {"postgres", "mailpit", "airflow-init", *AIRFLOW_SERVICES} <= services
    assert COMPOSE["services"]["airflow-apiserver"]["command"] == "api-server"
    assert COMPOSE["services"]["airflow-dag-processor"]["command"] == "dag-processor"


def test_every_airflow_container_shares_one_jwt_secret_and_execution_api():
    secrets = {env(s).get("AIRFLOW__API_AUTH__JWT_SECRET") for s in (*AIRFLOW_SERVICES, "airflow-init")}
    assert len(secrets) == 1 and None not in secrets
    assert next(iter(secrets)).startswith("${")  # from .env, not a literal in the repo
    for s in AIRFLOW_SERVICES:
        assert env(s)["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"].startswith("http://airflow-apiserver:8080")


def test_connections_point_at_compose_services_with_a_non_superuser_loader():
    for s in AIRFLOW_SERVICES:
        e = env(s)
        assert "@mailpit:1025" in e["AIRFLOW_CONN_SMTP_DEFAULT"]
        assert e["AIRFLOW_CONN_NEWS_WAREHOUSE"].startswith("postgresql://news_loader:${")
        assert "@postgres:5432/news" in e["AIRFLOW_CONN_NEWS_WAREHOUSE"]


def test_published_ports_are_bound_to_localhost_only():
    for name, svc in COMPOSE["services"].items():
        for port in svc.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), (name, port)


def test_no_literal_secrets_in_compose_and_env_example_is_empty():
    text = (ROOT / "docker-compose.yml").read_text()
    for key in ("POSTGRES_PASSWORD", "AIRFLOW_JWT_SECRET", "NEWSETL_LOADER_PASSWORD"):
        assert f"${{{key}:?" in text
    assignments = [ln for ln in (ROOT / ".env.example").read_text().splitlines()
                   if ln and not ln.startswith("#")]
    secret_lines = [ln for ln in assignments if "PASSWORD" in ln or "SECRET" in ln or "FERNET" in ln]
    assert len(secret_lines) >= 5
    for line in secret_lines:
        assert line.split("=", 1)[1] == "", line
    assert ".env" in (ROOT / ".gitignore").read_text().split()


def test_superuser_password_reaches_only_the_init_container():
    for name, svc in COMPOSE["services"].items():
        assert "env_file" not in svc, name
        if name.startswith("airflow-") and name != "airflow-init":
            assert "POSTGRES_PASSWORD" not in env(name), name
    assert env("airflow-init")["POSTGRES_PASSWORD"].startswith("${")
    assert env("airflow-init")["NEWSETL_ANALYST_PASSWORD"].startswith("${")


def test_data_docs_are_served_read_only_on_localhost_and_the_mail_links_there():
    docs = COMPOSE["services"]["datadocs"]
    assert docs["ports"] == ["127.0.0.1:8081:80"]
    data_mount = next(v for v in docs["volumes"] if v.startswith("newsetl-data:"))
    assert data_mount.endswith(":ro")   # the web server cannot change a run
    conf = (ROOT / "docker" / "datadocs-nginx.conf").read_text()
    assert "/validation/data_docs/" in conf and "return 404" in conf   # raw pages stay unserved
    for s in AIRFLOW_SERVICES:
        assert env(s)["NEWSETL_DATA_DOCS_BASE_URL"] == "${NEWSETL_DATA_DOCS_BASE_URL:-http://127.0.0.1:8081/runs}"
        assert env(s)["NEWSETL_DATA_DIR"] == "/opt/newsetl/data"   # whose runs/ the datadocs service serves
