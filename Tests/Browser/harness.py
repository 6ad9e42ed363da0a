"""Shared by the browser checks: a private nginx on 127.0.0.1 and headless Chromium through Selenium."""
import os
import shutil
import socket
import subprocess
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Nginx:
    """A private nginx serving SITE on 127.0.0.1, each language's 404.html for misses. `modules` are the paths of
    dynamic modules to load; `http_extra` is added to the http block (`gzip_static on;`)."""

    def __init__(self, site, languages, modules=(), http_extra=""):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="talentsite-nginx.")
        self.log = os.path.join(self.dir, "access.log")
        not_found = "".join(
            f"    location /{prefix}/ {{ error_page 404 /{prefix}/404.html; }}\n" for prefix in languages if prefix)
        load = "".join(f"load_module {module};\n" for module in modules)
        config = load + f"""daemon off;
worker_processes 1;
pid {self.dir}/nginx.pid;
error_log {self.dir}/error.log;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  log_format sizes '$request_uri $body_bytes_sent';
  access_log {self.log} sizes;
  # Compressed like a real static host, so downloaded bytes are measured as a phone would get them.
  gzip on;
  gzip_comp_level 6;
  gzip_types application/json application/javascript text/css application/wasm;
  client_body_temp_path {self.dir}/body;
  proxy_temp_path {self.dir}/proxy;
  fastcgi_temp_path {self.dir}/fastcgi;
  uwsgi_temp_path {self.dir}/uwsgi;
  scgi_temp_path {self.dir}/scgi;
  {http_extra}
  server {{
    listen 127.0.0.1:{self.port};
    root {os.path.abspath(site)};
    charset utf-8;
    error_page 404 /404.html;
    # The same site under a sub-path, as some hosts serve it: /sub/… is the site root.
    location /sub/ {{ alias {os.path.abspath(site)}/; }}
{not_found}  }}
}}
"""
        with open(os.path.join(self.dir, "nginx.conf"), "w") as f:
            f.write(config)
        self.process = subprocess.Popen(["nginx", "-c", os.path.join(self.dir, "nginx.conf"), "-p", self.dir])
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not start: " + open(os.path.join(self.dir, "error.log")).read())

    def log_size(self):
        return os.path.getsize(self.log) if os.path.exists(self.log) else 0

    def cold(self, driver):
        """Empties the browser's HTTP cache (workers included) and returns the log offset to count from."""
        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
        return self.log_size()

    def bytes_sent(self, since, marker):
        """Body bytes sent since log offset `since` for requests whose URL contains `marker`."""
        total = 0
        with open(self.log, encoding="utf-8", errors="replace") as f:
            f.seek(since)
            for line in f:
                uri, _, size = line.rstrip("\n").rpartition(" ")
                if marker in uri and size.isdigit():
                    total += int(size)
        return total

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)


def browser():
    options = Options()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"]:
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    # Every page load starts cold, as for a first-time visitor: bytes are what a first query costs.
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    return driver
