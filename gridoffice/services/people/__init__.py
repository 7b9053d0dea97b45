"""People who are not deputies (网格员, 志愿者, 居民议事代表, 律师, 民警, 社区工作者…) and teams."""
