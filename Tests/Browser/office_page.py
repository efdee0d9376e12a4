#!/usr/bin/env python3
"""The office page in a real browser (Debian's chromium, driven by chromedriver).

Signs in as a hamlet head (refused) and as a reviewer, loads the page at phone and desktop
widths, saves screenshots, reads every figure off the page, waits for the session to expire
and reloads. Prints one JSON object for the Swift test to check against the report.

    office_page.py --url URL --reviewer-token-file F --head-token-file F --out DIR --expire-after S
"""

import argparse
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


def browser(url_is_tls):
    options = Options()
    options.binary_location = os.environ.get("NTM_CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--lang=vi-VN", "--window-size=1280,900"):
        options.add_argument(flag)
    if url_is_tls:
        # The test hub's certificate comes from a CA made for the test.
        options.add_argument("--ignore-certificate-errors")
    service = Service(os.environ.get("NTM_CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def sign_in(driver, url, token):
    driver.get(url + "/")
    assert driver.current_url.endswith("/login"), driver.current_url
    field = driver.find_element(By.ID, "token")
    assert field.get_attribute("type") == "password"
    field.send_keys(token)
    button = driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button")
    button.click()
    # The answer is a new page: wait until the form's page is gone and the new one loaded.
    WebDriverWait(driver, 30).until(expected_conditions.staleness_of(button))
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def figures(driver):
    found = []
    for element in driver.find_elements(By.CSS_SELECTOR, "[data-figure]"):
        row = element.find_elements(By.XPATH, "ancestor::*[@data-hamlet][1]")
        found.append({
            "hamlet": row[0].get_attribute("data-hamlet") if row else None,
            "figure": element.get_attribute("data-figure"),
            "value": element.get_attribute("data-value"),
            "text": element.text,
        })
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--reviewer-token-file", required=True)
    parser.add_argument("--head-token-file", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--expire-after", type=float, required=True)
    args = parser.parse_args()
    reviewer = open(args.reviewer_token_file).read().strip()
    head = open(args.head_token_file).read().strip()
    result = {}
    driver = browser(args.url.startswith("https://"))
    try:
        # A head's token is refused, and no session is made.
        sign_in(driver, args.url, head)
        result["head_refused"] = "dành cho cán bộ xã" in driver.page_source
        result["head_cookie"] = [c["name"] for c in driver.get_cookies()]
        driver.save_screenshot(os.path.join(args.out, "office-head-refused.png"))

        # A reviewer signs in; the token is never in a URL.
        sign_in(driver, args.url, reviewer)
        signed_in_at = time.monotonic()
        result["url_after_sign_in"] = driver.current_url
        result["title"] = driver.title
        result["cookies"] = driver.get_cookies()
        result["scripts"] = len(driver.find_elements(By.TAG_NAME, "script"))
        result["html_lang"] = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        result["text"] = driver.find_element(By.TAG_NAME, "body").text
        result["figures"] = figures(driver)

        widths = {}
        for name, (width, height) in {"desktop": (1280, 900), "phone": (390, 844)}.items():
            driver.set_window_size(width, height)
            driver.get(args.url + "/")
            path = os.path.join(args.out, "office-%s.png" % name)
            # The whole page, not only the first screen.
            full = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(width, min(max(height, full + 120), 6000))
            driver.save_screenshot(path)
            widths[name] = {
                "viewport": driver.execute_script("return window.innerWidth"),
                "content": driver.execute_script("return document.documentElement.scrollWidth"),
                "screenshot": path,
                "bars": len(driver.find_elements(By.CSS_SELECTOR, "svg rect")),
                # Issue 27: where each cell of the first device's row starts, from the top.
                "device_cell_tops": [
                    cell.location["y"] for cell in driver.find_elements(By.CSS_SELECTOR, "#devices tbody tr:first-child td")
                ],
            }
        result["widths"] = widths

        # The session expires: the browser drops the cookie, and the hub refuses it even
        # when it is sent again (a copied cookie, a browser that kept it).
        session = [c for c in driver.get_cookies() if c["name"].endswith("ntm_session")][0]
        remaining = args.expire_after - (time.monotonic() - signed_in_at)
        if remaining > 0:
            time.sleep(remaining + 0.5)
        driver.get(args.url + "/")
        result["url_after_cookie_expiry"] = driver.current_url
        driver.add_cookie({key: session[key] for key in ("name", "value", "path", "secure", "httpOnly", "sameSite")})
        driver.get(args.url + "/")
        result["url_after_expiry"] = driver.current_url
        result["expired_message"] = "Phiên đăng nhập đã hết hạn" in driver.page_source
        driver.save_screenshot(os.path.join(args.out, "office-expired.png"))
    finally:
        driver.quit()
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
