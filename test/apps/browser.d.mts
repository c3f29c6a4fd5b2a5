import type { Server } from 'node:http';
import type { Browser, Page } from 'puppeteer-core';

export function serve(dir: string): Promise<Server & { url: string }>;
export function openBrowser(): Promise<Browser>;
export function bookIn(page: Page, host: string, log: string): Promise<string[]>;
export function openPopup(page: Page, log: string): Promise<string[]>;
export function cancelIn(page: Page, host: string, log: string): Promise<string[]>;
