#!/usr/bin/env python3
"""The public portal end to end, in a real browser (Chromium through selenium), against a real
ppid-central (--demo, with an SMTP relay: aiosmtpd on loopback) and the unit's terminal (the ppid
command line on its own database):

  submit a request with an ID scan, read the receipt; the request reaches the unit's terminal on
  its next sync; the terminal decides it and attaches the released file; the status page shows the
  notice and downloads the file; the receipt and the notice are in the SMTP server's mailbox; an
  objection is filed from the status page and reaches the terminal.

Screenshots of every page at phone and desktop width go to the output folder, for review.
Usage: portal_e2e.py PPID PPID_CENTRAL OUTPUT_FOLDER. Starts and stops (by pid) every process it
uses; exits non-zero with the step that failed.
"""
import base64, email, glob, os, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

PPID, CENTRAL, OUTPUT = sys.argv[1], sys.argv[2], sys.argv[3]
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
work = tempfile.mkdtemp(prefix="ppid-portal-e2e-")
os.makedirs(OUTPUT, exist_ok=True)
processes = []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(arguments, log):
    process = subprocess.Popen(arguments, stdout=open(log, "w"), stderr=subprocess.STDOUT)
    processes.append(process)
    return process


def stop_all():
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            process.wait()


def fail(step, detail=""):
    print(f"FAILED: {step}\n{detail}", file=sys.stderr)
    for log in glob.glob(os.path.join(work, "*.log")):
        print(f"--- {log}\n" + open(log).read()[-3000:], file=sys.stderr)
    stop_all()
    sys.exit(1)


def wait_for(check, seconds, step):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.3)
    fail(step)


env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(work, "config"), XDG_DATA_HOME=os.path.join(work, "data"))


def ppid(*arguments, check=True):
    result = subprocess.run([PPID, *arguments], capture_output=True, text=True, env=env, timeout=120)
    if check and result.returncode != 0:
        fail("ppid " + " ".join(arguments), result.stdout + result.stderr)
    return result.stdout


# The SMTP relay and the server.
smtp_port, port = free_port(), free_port()
maildir = os.path.join(work, "mail")
start([sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{smtp_port}", "-c", "aiosmtpd.handlers.Mailbox", maildir],
      os.path.join(work, "smtp.log"))


def accepts(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


wait_for(lambda: accepts(smtp_port), 30, "aiosmtpd did not start")
start([CENTRAL, "--demo", "--db", os.path.join(work, "central.sqlite"), "--token-folder", os.path.join(work, "tokens"),
       "--port", str(port), "--smtp", f"smtp://127.0.0.1:{smtp_port}", "--mail-from", "ppid@contoh.go.id"],
      os.path.join(work, "central.log"))
base = f"http://127.0.0.1:{port}"


def healthy():
    try:
        return urllib.request.urlopen(base + "/v1/health", timeout=1).status == 200
    except Exception:
        return False


wait_for(healthy, 30, "ppid-central did not start")
terminal = ["--db", os.path.join(work, "humas1.sqlite")]
remote = ["--server", base, "--token-file", os.path.join(work, "tokens", "humas1.token")]
ppid("sync", *terminal, *remote)

# The browser.
options = Options()
options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]:
    options.add_argument(argument)
downloads = os.path.join(work, "downloads")
os.makedirs(downloads)
options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
browser = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
browser.set_page_load_timeout(30)


def shoot(name):
    """The page as it is, at both widths (the page is reloaded only by resizing, never re-posted)."""
    for label, (width, height) in WIDTHS.items():
        browser.set_window_size(width, height)
        time.sleep(0.2)
        total = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(width, min(max(height, total), 4000))
        browser.save_screenshot(os.path.join(OUTPUT, f"{name}-{label}.png"))
    browser.set_window_size(*WIDTHS["desktop"])


def text():
    return browser.find_element(By.TAG_NAME, "main").text


try:
    browser.get(base + "/")
    shoot("01-home")
    browser.get(base + "/dip")
    if "Biro Keuangan" not in text():
        fail("the DIP list shows the units", text())
    shoot("02-dip")

    # 1. The request, with its ID scan.
    browser.get(base + "/permohonan")
    shoot("03-request-form")
    scan = os.path.join(work, "ktp.png")
    with open(scan, "wb") as f:
        f.write(base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="))
    fields = {"name": "Siti Nasution", "nik": "3171234567890002", "address": "Jl. Merdeka 1, Jakarta", "email": "siti@contoh.id",
              "information": "Laporan realisasi anggaran 2025", "purpose": "Penelitian"}
    for name, value in fields.items():
        browser.find_element(By.ID, name).send_keys(value)
    browser.find_element(By.CSS_SELECTOR, "#unit option[value=HUMAS]").click()
    browser.find_element(By.ID, "idScan").send_keys(scan)
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    number = wait_for(lambda: browser.find_elements(By.ID, "registration-number"), 15, "no receipt after submitting")[0].text
    code = browser.find_element(By.ID, "tracking-code").text
    if "/PORTAL/HUMAS/" not in number or len(code) != 39:
        fail("the receipt's number and code", text())
    shoot("04-receipt")

    # 2. It reaches the unit's terminal on its next sync; the terminal decides it, with a released file.
    ppid("sync", *terminal, *remote)
    if number not in ppid("request", "list", *terminal):
        fail("the request at the terminal after sync")
    ppid("request", "decide", number, "--outcome", "full", *terminal)
    ppid("sync", *terminal, *remote)
    document = os.path.join(work, "lra-2025.pdf")
    with open(document, "wb") as f:
        f.write(b"%PDF-1.4\n% Laporan realisasi anggaran 2025\n")
    ppid("file", "attach", number, document, "--role", "released", *terminal, *remote)

    # 3. The receipt and the notice in the mailbox; the notice handed to the relay is its delivery.
    def mails():
        found = []
        for path in glob.glob(os.path.join(maildir, "new", "*")):
            message = email.message_from_binary_file(open(path, "rb"))
            subject = str(email.header.make_header(email.header.decode_header(message["Subject"])))
            if "siti@contoh.id" in message["To"]:
                found.append((message["To"], subject, message.get_payload(decode=True).decode("utf-8")))
        return found

    received = wait_for(lambda: (lambda m: m if len(m) >= 2 else None)(mails()), 30, "the receipt and the notice by email")
    subjects = [subject for _, subject, _ in received]
    if not any(s.startswith("Tanda bukti permohonan") for s in subjects) or not any(s.startswith("Pemberitahuan tertulis") for s in subjects):
        fail("the mails' subjects", repr(subjects))
    if not any(code in body for _, _, body in received):
        fail("the tracking code in the receipt mail")

    # 4. The status page: the notice, the download.
    def status_page():
        browser.get(base + "/status")
        browser.find_element(By.ID, "number").send_keys(number)
        browser.find_element(By.ID, "code").send_keys(code.lower())
        browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        return wait_for(lambda: browser.find_elements(By.ID, "state"), 15, "no status page")[0].text

    state = wait_for(lambda: (lambda s: s if s == "Disampaikan" else None)(status_page()), 30, "the notice delivered by email")
    if "Diberikan seluruhnya" not in text() or "lra-2025.pdf" not in text():
        fail("the notice and the released file on the status page", text())
    shoot("05-status")
    browser.find_element(By.CSS_SELECTOR, "form.inline button").click()
    downloaded = wait_for(lambda: [p for p in glob.glob(os.path.join(downloads, "*")) if not p.endswith(".crdownload")], 15,
                          "the released file downloaded")
    if open(downloaded[0], "rb").read() != open(document, "rb").read():
        fail("the downloaded file is the released one")

    # 5. The objection, from the status page.
    status_page()
    browser.find_element(By.CSS_SELECTOR, "input[name=ground-d]").click()
    browser.find_element(By.ID, "statement").send_keys("Informasi yang diberikan tidak sesuai dengan yang diminta.")
    browser.find_element(By.CSS_SELECTOR, "form[action^='/keberatan'] button[type=submit]").click()
    objection = wait_for(lambda: browser.find_elements(By.ID, "objection-number"), 15, "no objection receipt")[0].text
    if "/KEBERATAN-PORTAL/HUMAS/" not in objection:
        fail("the objection's number", text())
    shoot("06-objection-receipt")

    # 6. It reaches the terminal.
    ppid("sync", *terminal, *remote)
    year = number.rsplit("/", 1)[-1]
    if objection not in ppid("register", "objections", "--year", year, *terminal):
        fail("the objection at the terminal after sync")
    browser.get(base + "/status?lang=en")
    shoot("07-status-form-english")
    print(f"portal end to end: request {number}, objection {objection}, {len(received)} mails, screenshots in {OUTPUT}")
finally:
    browser.quit()
    stop_all()
    shutil.rmtree(work, ignore_errors=True)
